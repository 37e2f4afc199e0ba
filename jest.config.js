/**
 * Four projects, told apart by what they need besides Node:
 * - unit: everything that runs on Node alone (the engine, the catalogue, the workbook writers and
 *   readers, the CLI, the task pane's actions over the recording fake, the React views in jsdom,
 *   the fuzzers). `npm run test:unit` runs only this project: the loop while working.
 * - engines: the formulas proven in real spreadsheet engines (LibreOffice Calc over UNO, Gnumeric's
 *   ssconvert), and the files opened by openpyxl and validated against the ISO/IEC 29500 schemas.
 * - e2e: the task pane in headless Chromium over the in-page fake Office host.
 * - budgets: sizes of the production build (webpack in production mode).
 * `npm test` (the README's and CI's command) runs all four. A suite that needs a tool fails when the
 * tool is missing: none of them skips.
 */
const base = {
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
  },
};

const SLOW = {
  engines: "<rootDir>/test/engine-proof/",
  e2e: "<rootDir>/test/e2e/",
  budgets: "<rootDir>/test/budgets/",
};

/** @type {import('jest').Config} */
module.exports = {
  // Jest's 5 s default is a wall-clock limit: on a 2-core CI machine, a jsdom view test or a CLI test
  // that reads a workbook can take longer while the other worker is busy. What a test asserts is
  // never a time (speeds are in `npm run bench`).
  testTimeout: 20_000,
  projects: [
    {
      ...base,
      displayName: "unit",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", ...Object.values(SLOW)],
    },
    ...Object.entries(SLOW).map(([displayName, root]) => ({
      ...base,
      displayName,
      roots: [root],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
    })),
  ],
};
