import PizZip from "pizzip";
import { NO_WORKBOOK, reportModel } from "../../../src/report/model";
import { scoreAssessment } from "../../../src/core/score";
import { downloadsAllowed, reportDocx, reportFileName } from "../../../src/taskpane/model/report";
import { assessmentWith } from "../../helpers/builders";

test("downloads: allowed on the web, Windows and outside Office; not in the Mac, iPad and Android web views", () => {
  expect(["OfficeOnline", "PC", "Universal", undefined].map(downloadsAllowed)).toEqual([
    true,
    true,
    true,
    true,
  ]);
  expect(["Mac", "iOS", "Android"].map(downloadsAllowed)).toEqual([false, false, false]);
});

test("the file name: the organisation, the word in the report's language, nothing a file system refuses", () => {
  expect(reportFileName({ organization: "某某电器有限公司", lang: "zh" })).toBe(
    "某某电器有限公司 审查报告.docx",
  );
  expect(reportFileName({ organization: 'A/B: "C"\n', lang: "en" })).toBe("A_B_ _C__ assessment report.docx");
  expect(reportFileName({ organization: "  ", lang: "en" })).toBe("assessment report.docx");
});

test("the .docx built in the pane's way has the organisation and the final score in word/document.xml", async () => {
  const assessment = { ...assessmentWith({ fill: () => 85 }), organization: "某某电器 <w:t> {#x}" };
  const model = reportModel(assessment, scoreAssessment(assessment), NO_WORKBOOK, "zh");
  const xml = new PizZip(await reportDocx(model)).file("word/document.xml")!.asText();
  expect(xml).toContain("某某电器 &lt;w:t&gt; {#x}");
  expect(xml).toContain(model.finalScore);
  expect(model.finalScore).toBe("85.00");
});
