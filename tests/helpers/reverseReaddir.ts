// Preloaded (node --import) into a build to prove its outputs do not depend on the order the file
// system lists a folder in: every directory listing comes back reversed. At exit it says how many
// listings it reversed, so a test can tell that the patch was in force.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

let reversed = 0;
const original = fs.readdirSync;
fs.readdirSync = ((...args: Parameters<typeof original>) => {
  const names = original(...args);
  reversed++;
  return [...names].reverse();
}) as typeof original;
const originalAsync = fs.promises.readdir;
fs.promises.readdir = (async (...args: Parameters<typeof originalAsync>) => {
  const names = await originalAsync(...args);
  reversed++;
  return [...names].reverse();
}) as typeof originalAsync;
syncBuiltinESMExports();
process.on("exit", () => process.stderr.write(`reverseReaddir: reversed ${reversed} listings\n`));
