/**
 * starscore verify on a workbook LibreOffice Calc opened and saved again: LibreOffice recalculates on
 * load and writes its own XML (sheet names unquoted in formulas and names), and nothing may be found.
 * Needs LibreOffice: no skipping, `.ci/run` installs it.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { assessmentWith } from "../helpers/builders";
import { tempDir } from "../helpers/run-cli";
import { findingsOf, generated } from "../workbook/integrity/helpers";
import { libreOfficeProblem, SOFFICE } from "./libreoffice";

test("LibreOffice Calc is installed", () => expect(libreOfficeProblem()).toBeNull());

describe("verify: a workbook another spreadsheet saved", () => {
  // LibreOffice recalculates on load and writes its own XML (sheet names unquoted in formulas and names).
  it("saved again by LibreOffice Calc: nothing found", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    writeFileSync(input, await generated(assessmentWith({ evaluators: 2, deductions: 1, bonus: [0.5] })));
    mkdirSync(path.join(dir, "out"));
    const run = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--calc",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        path.join(dir, "out"),
        input,
      ],
      { encoding: "utf8", timeout: 90_000 },
    );
    expect(run.status).toBe(0);
    expect(await findingsOf(readFileSync(path.join(dir, "out", "in.xlsx")))).toEqual([]);
  }, 120_000);
});
