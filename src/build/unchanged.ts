// A rebuild with nothing changed: the last build into a folder records the key of what made it and a
// hash of each file it wrote; when the key matches and every file is still as written, the outputs stand.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ReportDocument } from "../document/model.ts";
import type { Statistics } from "../statistics/types.ts";
import { diskCache } from "../cache/stageCache.ts";
import type { OutputFiles } from "./writeOutputs.ts";
import { sha256 } from "../domain/sha256.ts";

interface Record_ {
  files: Record<string, string>;
}

export function recordBuild(cacheDir: string, key: string, outputDir: string, files: OutputFiles): void {
  const record: Record_ = { files: Object.fromEntries(Object.entries(files).map(([name, content]) => [name, sha256(content)])) };
  diskCache(cacheDir).set("build", `${key}-${sha256(path.resolve(outputDir)).slice(0, 16)}`, record);
}

export interface BuiltOutputs {
  outputDir: string;
  pdfFile: string;
  pageCount: number;
  pages: Record<string, number>;
  statistics: Statistics;
  document: ReportDocument;
  warnings: Diagnostic[];
}

export function previousBuild(cacheDir: string, key: string, outputDir: string): BuiltOutputs | null {
  const record = diskCache(cacheDir).get<Record_>("build", `${key}-${sha256(path.resolve(outputDir)).slice(0, 16)}`);
  if (!record) return null;
  try {
    for (const [name, hash] of Object.entries(record.files)) {
      const file = path.join(outputDir, name);
      if (!existsSync(file) || sha256(readFileSync(file)) !== hash) return null;
    }
    const json = <T>(name: string) => JSON.parse(readFileSync(path.join(outputDir, name), "utf8")) as T;
    const report = json<{ pageCount: number; sections: Record<string, number>; warnings: Diagnostic[] }>("build-report.json");
    return {
      outputDir,
      pdfFile: path.join(outputDir, "report.pdf"),
      pageCount: report.pageCount,
      pages: report.sections,
      statistics: json<Statistics>("statistics.json"),
      document: json<ReportDocument>("document.json"),
      warnings: report.warnings,
    };
  } catch {
    return null;
  }
}
