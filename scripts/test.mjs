// `npm test -- [vitest arguments]`: the type check and the test suite, side by side rather than one after
// the other. tsc is one thread and the suite's two workers rarely keep both cores busy while it runs, so
// on a fresh clone (no incremental state, about 15 s of tsc) the pair ends sooner than tsc then vitest.
// vitest's output streams as it comes; tsc's is printed once it ends, and either failing fails the run.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const tsc = spawn(bin("tsc"), ["--noEmit", "-p", "."], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
let tscOutput = "";
tsc.stdout.on("data", (chunk) => (tscOutput += chunk));
tsc.stderr.on("data", (chunk) => (tscOutput += chunk));
const typesChecked = new Promise((resolve) => tsc.on("close", (code) => resolve(code ?? 1)));

const vitest = spawn(bin("vitest"), ["run", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
const tested = new Promise((resolve) => vitest.on("close", (code) => resolve(code ?? 1)));

const [tscCode, vitestCode] = await Promise.all([typesChecked, tested]);
if (tscCode !== 0) process.stderr.write(`\nThe type check failed (tsc --noEmit -p .):\n${tscOutput}`);
else process.stdout.write("Type check: no errors (tsc --noEmit -p .).\n");
process.exit(tscCode !== 0 ? tscCode : vitestCode);
