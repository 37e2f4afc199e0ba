/**
 * Generating never overwrites: when the workbook already has a sheet with one of StarScore's sheet
 * names (in either language) or one of its defined names, nothing is written and this is thrown.
 */
export class WorkbookExistsError extends Error {
  override readonly name = "WorkbookExistsError";

  constructor(
    /** The workbook's sheets whose names StarScore uses, as the workbook spells them. */
    readonly sheets: readonly string[],
    /** The workbook's defined names that StarScore defines. */
    readonly names: readonly string[] = [],
  ) {
    super(
      `The workbook already has ${[
        sheets.length > 0 && `sheets named ${sheets.join(", ")}`,
        names.length > 0 && `names ${names.join(", ")}`,
      ]
        .filter(Boolean)
        .join(" and ")}: StarScore writes nothing over them.`,
    );
  }
}
