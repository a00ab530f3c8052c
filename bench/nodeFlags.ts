// The Node flags a checkout's package.json starts a command with ("node [flags] scripts/cli.mjs <command>"),
// so a bench starts the command as `npm run <command>` does, without npm's own start-up in the time.
import { readFileSync } from "node:fs";
import path from "node:path";

export function nodeFlagsOf(root: string, command: string): string[] {
  const script = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts[command] ?? "";
  const startedAs = new RegExp(`^node ((?:--\\S+ )*)scripts/cli\\.mjs ${command.replace(/[:]/g, "\\$&")}$`).exec(script);
  if (!startedAs) throw new Error(`${path.join(root, "package.json")}: the ${command} script is not "node [flags] scripts/cli.mjs ${command}": ${script}`);
  return startedAs[1].trim().split(" ").filter(Boolean);
}
