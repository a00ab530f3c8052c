// A year's data in one step: a Home Office table in full-time equivalents with three years (2023–2025)
// and an own-return file for Police Scotland and PSNI are imported by one command into three year
// folders in one measure, and the 2025 edition builds on them. Without the own returns the import stops,
// naming both forces and the layout that supplies them, and writes nothing.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { importWorkforceCommand } from "../../src/cli/importWorkforceCommand.ts";
import { fixturesDir } from "../helpers/fixtureCopy.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const tables = path.join(fixturesDir, "workforce-import");

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = importWorkforceCommand.run(args, { out: (t) => out.push(t.replace(/\n$/, "")), err: (t) => err.push(t.replace(/\n$/, "")) }) as number;
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The fixture register with Police Scotland and PSNI, which send their own returns; the fixture content as 2025. */
function workspace() {
  const root = mkdtempSync(path.join(tmpdir(), "import-years-"));
  const dataDir = path.join(root, "data");
  mkdirSync(dataDir);
  const register = readFileSync(path.join(fixturesDir, "data/forces.csv"), "utf8").trimEnd();
  writeFileSync(
    path.join(dataDir, "forces.csv"),
    `${register}\npolice-scotland,Police Scotland,Police Scotland,Scotland,Police Scotland,Scotland\npsni,Police Service of Northern Ireland,Police Service of Northern Ireland,Northern Ireland,PSNI,PSNI|Northern Ireland\n`,
  );
  cpSync(path.join(repo, "data/home-office-mapping.csv"), path.join(dataDir, "home-office-mapping.csv"));
  cpSync(path.join(fixturesDir, "content/2024"), path.join(root, "content/2025"), { recursive: true });
  const reportYml = path.join(root, "content/2025/report.yml");
  writeFileSync(reportYml, readFileSync(reportYml, "utf8").replace(/^year: 2024$/m, "year: 2025").replace("- text: Test source", '- text: "{{ data.source }}, {{ data.asAtMonth }}"'));
  return { root, dataDir, contentDir: path.join(root, "content") };
}

const lines = (file: string) => readFileSync(file, "utf8").trimEnd().split("\n");

/**
 * The Home Office fixture's 2025 rows, again as 2024 and 2023. Avon and Somerset's women constables are
 * 1000.50 FTE in 2025, 990.00 in 2024 and 979.50 in 2023; every other count is the same each year.
 */
function threeYearTable(dir: string): string {
  const [header, ...rows] = lines(path.join(tables, "police-workforce.csv"));
  const of2025 = rows.filter((r) => r.startsWith("2025,"));
  const women = "E23000036,Avon and Somerset,South West,Police Officer,Female,Constable,";
  const year = (y: number, constables: string) => of2025.map((r) => r.replace(/^2025,/, `${y},`).replace(`${women}1000.50,`, `${women}${constables},`));
  const file = path.join(dir, "police-workforce-2023-2025.csv");
  writeFileSync(file, [header, ...year(2025, "1000.50"), ...year(2024, "990.00"), ...year(2023, "979.50")].join("\n") + "\n");
  return file;
}

/** Own returns in the returns' layout (Cumbria's file): Cumbria, Police Scotland and PSNI, for each year. */
function ownReturns(dir: string, forces = ["Cumbria", "Scotland", "PSNI"]): string {
  const [header, ...rows] = lines(path.join(tables, "cumbria-return.csv"));
  const out = [header];
  for (const y of [2025, 2024, 2023]) for (const force of forces) out.push(...rows.map((r) => r.replace("31 March 2025,Cumbria,", `31 March ${y},${force},`)));
  const file = path.join(dir, "own-returns.csv");
  writeFileSync(file, out.join("\n") + "\n");
  return file;
}

describe("import:workforce, every year the edition draws in one command", () => {
  it("imports a three-year FTE table and the own returns into 2023, 2024 and 2025, in FTE, and the 2025 edition builds", () => {
    const ws = workspace();
    // 2023 is a year the edition draws because its folder is there (its headcounts are replaced by FTE).
    mkdirSync(path.join(ws.dataDir, "2023"));
    writeFileSync(path.join(ws.dataDir, "2023/officers.csv"), "force,sex,rank,headcount\n");
    const result = run([threeYearTable(ws.root), ownReturns(ws.root), "--year", "2025", "--data", ws.dataDir, "--force"]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    for (const y of [2025, 2024, 2023]) {
      expect(result.out).toMatch(new RegExp(`officers\\.csv \\(\\d+ rows\\) and .*staff\\.csv \\(\\d+ rows\\) in full-time equivalents \\(FTE\\) for ${y}\\.`));
      expect(lines(path.join(ws.dataDir, String(y), "officers.csv"))[0]).toBe("force,sex,rank,fte,source");
      expect(readFileSync(path.join(ws.dataDir, String(y), "about.yml"), "utf8")).toContain(`asAt: ${y}-03-31`);
    }

    const { statistics, document } = prepare({ year: 2025, dataDir: ws.dataDir, contentDir: ws.contentDir });
    expect(statistics.measure).toEqual({ officers: "fte", staff: "fte" });
    expect(statistics.previousYear).toBe(2024);
    expect(statistics.forces.map((f) => f.slug)).toEqual(["avon-and-somerset", "cumbria", "kent", "police-scotland", "psni"]);
    const avon = statistics.forces.find((f) => f.slug === "avon-and-somerset")!;
    // 2025: women 1216.75 of 3231.00 (tests/import/importWorkforce.fast.test.ts); 2024 has 10.50 fewer women constables.
    expect(avon.officers.womenPct).toBe((121675 / 323100) * 100);
    // Cumbria, Scotland and PSNI send the same return, so they have the same shares.
    const scotland = statistics.forces.find((f) => f.slug === "police-scotland")!;
    expect(scotland.officers).toEqual(statistics.forces.find((f) => f.slug === "cumbria")!.officers);
    // Line 58: the header, the 56 rows of 2025, then 2024's first row.
    expect(lines(path.join(ws.dataDir, "2024/officers.csv"))[1]).toBe("Avon and Somerset,Female,Constable,990.00,police-workforce-2023-2025.csv:58");
    // The source line is made from data/2025/about.yml, which the import wrote.
    const chartSource = JSON.stringify(document).match(/Source: [^"]*March 2025\./)?.[0];
    expect(chartSource).toBe("Source: Home Office workforce statistics for the police of England and Wales, March 2025.");
  });

  it("stops when no table has Police Scotland and PSNI, naming them and the layout, and writes nothing", () => {
    const ws = workspace();
    const result = run([threeYearTable(ws.root), ownReturns(ws.root, ["Cumbria"]), "--year", "2025", "--data", ws.dataDir]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /error: 2 forces of the register are in no table for 2025: Police Scotland \(Police Scotland\); Police Service of Northern Ireland \(PSNI\)\. Give their counts \(from Police Scotland, PSNI\) as another FILE in the same layout: columns As at 31 March, Force name, Worker type, Sex, Rank, Total \(FTE\).* \[missing-force\]/,
    );
    expect(result.err).toContain("Import stopped; nothing was written.");
    for (const y of [2023, 2024, 2025]) expect(existsSync(path.join(ws.dataDir, String(y)))).toBe(false);
  });
});
