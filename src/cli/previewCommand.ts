// `npm run preview -- [--port N] [--year N] [--data DIR] [--content DIR] [--out DIR]`: the live preview.
import { chooseEdition, editionFlags, outFlag, readFlags, type Command, type Console } from "./flags.ts";

const usage = `Usage: npm run preview -- [options]

Watches content/, data/ and templates/, rebuilds the draft on every save and shows it at
http://127.0.0.1:<port>/ (this machine only), the pages an edit touched first.

Options:
  --port N         port to listen on (default: 4173; 0 picks a free one)
  --year N         edition year (default: the current edition, see npm run build -- --help)
  --data DIR       workforce data folder (default: data)
  --content DIR    content folder (default: content)
  --out DIR        drafts go to DIR/preview/<year>/ (default: output)
  -h, --help       show this help`;

async function run(argv: string[], io: Console): Promise<number> {
  const flags = readFlags<{ port: string; year?: string; data: string; content: string; out: string }>(io, usage, argv, {
    port: { type: "string", default: "4173" },
    ...editionFlags,
    ...outFlag,
  });
  if (typeof flags === "number") return flags;
  const { values } = flags;
  const year = chooseEdition(io, values.content, values.year);
  if (year === null) return 2;
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    io.err(`--port must be a number from 0 to 65535, not "${values.port}".\n`);
    return 2;
  }
  const { startPreview } = await import("../preview/server.ts");
  const server = await startPreview({ year, port, dataDir: values.data, contentDir: values.content, outDir: values.out, templatesDir: "templates", log: (line) => io.out(`${line}\n`) });
  io.out(`Preview at ${server.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  return 0;
}

export const previewCommand: Command = { name: "preview", run };
