// Preloaded (node --import) by a CLI test: reading the data folder fails the way a broken disk would,
// an error no stage expects, to show how the CLI prints it.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const readdirSync = fs.readdirSync;
fs.readdirSync = (dir, ...rest) => {
  if (String(dir).endsWith("fixtures/data")) {
    const error = new Error(`EIO: i/o error, scandir '${dir}'`);
    Object.assign(error, { code: "EIO", path: String(dir) });
    throw error;
  }
  return readdirSync(dir, ...rest);
};
syncBuiltinESMExports();
