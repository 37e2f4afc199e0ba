import type { SheetSpec } from "../../workbook/types";
import type { HostWorksheet } from "./host";

/**
 * The filter buttons and the page setup. Both came with ExcelApi 1.9 (Worksheet.autoFilter,
 * Worksheet.pageLayout), above the add-in's 1.8 minimum: on an older host the sheet simply has no
 * filter buttons and Excel's default page setup, which the user can set by hand.
 */
export const PRINT_API = "1.9";

/** Before protection: a protected sheet takes no new filter. */
export function writeAutoFilter(sheet: HostWorksheet, spec: SheetSpec): void {
  if (spec.autoFilter) sheet.autoFilter.apply(spec.autoFilter);
}

/** A4, the layout's orientation, one page wide (and tall where the layout asks), titles, area. */
export function writePageLayout(sheet: HostWorksheet, spec: SheetSpec): void {
  const { print } = spec;
  const page = sheet.pageLayout;
  page.paperSize = "A4";
  page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  // 0 pages tall: as many as it takes (OOXML's fitToHeight="0"), so only the width is fitted.
  if (print.fitToWidth)
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: print.fitToHeight ? 1 : 0 };
  if (print.titleRows) page.setPrintTitleRows(`$${print.titleRows.replace(":", ":$")}`);
  if (print.area) page.setPrintArea(print.area);
  // The layout's margins are in inches (OOXML's pageMargins); Excel.PageLayout's in points.
  const m = print.margins;
  if (m) {
    const points = (inches: number) => Math.round(inches * 72 * 100) / 100;
    page.topMargin = points(m.top);
    page.bottomMargin = points(m.bottom);
    page.leftMargin = points(m.left);
    page.rightMargin = points(m.right);
    page.headerMargin = points(m.header);
    page.footerMargin = points(m.footer);
  }
}
