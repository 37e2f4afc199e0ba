/**
 * npm run test:unit: the fast loop while working. Runs jest's "unit" project (everything that needs
 * neither LibreOffice, Chromium nor a production build; see jest.config.js) on two workers, with the
 * fuzzers and the engine's differential test at a fifth of their cases (the full counts run in
 * `npm test`). Extra arguments go to jest: `npm run test:unit -- test/core`.
 */
const { spawnSync } = require("child_process");
const path = require("path");

const env = {
  ...process.env,
  STARSCORE_FUZZ_XLSX_CASES: process.env.STARSCORE_FUZZ_XLSX_CASES ?? "1000",
  STARSCORE_FUZZ_JSON_CASES: process.env.STARSCORE_FUZZ_JSON_CASES ?? "1200",
  STARSCORE_DIFFERENTIAL_CASES: process.env.STARSCORE_DIFFERENTIAL_CASES ?? "2000",
};
const jest = path.join(__dirname, "..", "node_modules", "jest", "bin", "jest.js");
const args = [jest, "--selectProjects", "unit", "--maxWorkers=2", ...process.argv.slice(2)];
const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
process.exit(result.status ?? 1);
