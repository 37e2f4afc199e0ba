/**
 * A real layout-3 workbook, as StarScore wrote it before layout 4: test/fixtures/layout-v3-sample-zh.xlsx
 * was written by `starscore generate --from examples/sample-assessment.json --lang zh` at commit
 * 5a83999 (layout 3: no highlight store, no sort note; the pane lifted protection to highlight).
 * `verify` says it is an older layout to convert, not that it was edited; `convert` upgrades it to
 * the current layout with every input carried over, the highlight store and the sort note added.
 */
import { MARKS } from "../../src/workbook/highlight-marks";
import { SHEET_NAMES, TEXT } from "../../src/workbook/labels";
import { describeOlderLayout, loadWorkbook } from "../helpers/older-layout";

/** What layout 4 added: the store's name and label, the Scoring sheet's sort note. */
async function paneParts(file: string): Promise<{ store: boolean; label: unknown; note: unknown }> {
  const workbook = await loadWorkbook(file);
  return {
    store: workbook.definedNames.getRanges(MARKS.name).ranges.length > 0,
    label: workbook.getWorksheet(SHEET_NAMES.rules.zh)!.getCell(`${MARKS.column}${MARKS.labelRow}`).value,
    note: workbook.getWorksheet(SHEET_NAMES.scoring.zh)!.getCell("A3").value,
  };
}

describeOlderLayout(3, "layout-v3-sample-zh.xlsx", {
  claims: async (file) => expect(await paneParts(file)).toEqual({ store: false, label: null, note: null }),
  upgraded: async (file) =>
    expect(await paneParts(file)).toEqual({ store: true, label: MARKS.label, note: TEXT.sortNote.zh }),
});
