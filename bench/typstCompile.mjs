// Compiles a Typst file to PDF with Typst's compiler from npm, in a process of its own, so the bench times
// it from process start as it times the report's builds. Usage: node bench/typstCompile.mjs IN.typ OUT.pdf
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";

const [input, output] = process.argv.slice(2);
const fonts = path.join(path.dirname(createRequire(import.meta.url).resolve("@expo-google-fonts/source-sans-3/package.json")));
// The report's own fonts, and no system fonts: the same faces as the report, found the same way every run.
const compiler = NodeCompiler.create({ workspace: path.dirname(path.resolve(input)), fontArgs: [{ fontPaths: [fonts] }] });
writeFileSync(output, compiler.pdf({ mainFileContent: readFileSync(input, "utf8") }));
