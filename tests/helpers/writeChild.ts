// Run as a child process by the killed-build tests: writes a small build with the atomic writer.
// REPORT_TEST_KILL_AT in the environment makes the writer SIGKILL itself at that point.
import { writeOutputsAtomically } from "../../src/build/writeOutputs.ts";

const [target, label] = process.argv.slice(2);
writeOutputsAtomically(target, {
  "report.pdf": `pdf ${label}`,
  "statistics.json": `statistics ${label}`,
  "charts/a.svg": `chart ${label}`,
  "build-report.json": `report ${label}`,
});
