// `npm run preview -- [--port N] [--year N] [--data DIR] [--content DIR] [--out DIR]`: the live preview.
import { parseArgs } from "node:util";
import { editionFlags, readFlags, type Console } from "./common.ts";

const usage = `Usage: npm run preview -- [options]

Watches content/, data/ and templates/, rebuilds the draft on every save and shows it at
http://127.0.0.1:<port>/ (this machine only), the pages an edit touched first.

Options:
  --port N         port to listen on (default: 4173; 0 picks a free one)
  --year N         edition year (default: 2024)
  --data DIR       workforce data folder (default: data)
  --content DIR    content folder (default: content)
  --out DIR        drafts go to DIR/preview/<year>/ (default: output)
  -h, --help       show this help`;

export async function preview(argv: string[], io: Console): Promise<number> {
  const flags = readFlags(io, usage, () =>
    parseArgs({
      args: argv,
      options: {
        port: { type: "string", default: "4173" },
        ...editionFlags,
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }),
  );
  if (typeof flags === "number") return flags;
  const { values } = flags;
  const port = Number(values.port);
  const year = Number(values.year);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(year)) {
    io.err(`--port must be a number from 0 to 65535 and --year a year.\n`);
    return 2;
  }
  const { startPreview } = await import("../preview/server.ts");
  const server = await startPreview({ year, port, dataDir: values.data!, contentDir: values.content!, outDir: values.out!, templatesDir: "templates", log: (line) => io.out(`${line}\n`) });
  io.out(`Preview at ${server.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  return 0;
}
