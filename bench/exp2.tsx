import { writeFileSync } from "node:fs";
import { prepareCached } from "../src/build/build.ts";
import { noCache } from "../src/cache/stageCache.ts";
import { chartFigures } from "../src/document/model.ts";
import { renderFigures } from "../templates/charts/renderFigures.ts";
import { chartWidths } from "../templates/styles.ts";
import { layoutPart } from "../src/render/layoutParts.tsx";
const opts = { year: 2024, dataDir: "data", contentDir: "content", outDir: ".tmp/o", print: false };
const { document } = await prepareCached(opts, noCache());
const charts = await renderFigures(chartFigures(document), { widths: chartWidths, cache: noCache() });
const ctx = { document, charts, print: false, roots: { contentDir: "content", dataDir: "data" }, cache: noCache() };
const order = process.argv.slice(2);
if (process.env.COVER) await layoutPart({ kind: "cover" }, 1, ctx); if (process.env.CONTENTS) { const { PageLog } = await import("../templates/pageLog.ts"); const pl = new PageLog(); if (process.env.NUMBERED) for (const s of document.sections) pl.record(s.id, 12); await layoutPart({ kind: "contents" }, 2, ctx, pl); }
for (const id of order) { const r = await layoutPart({ kind: "section", id }, 8, ctx); writeFileSync(`.tmp/${id.replace("/", "_")}.pdf`, r.pdf); }
