import type { ChartSpec } from "../../workbook/types";
import type { HostWorksheet } from "./host";

/**
 * The native bar chart, as the .xlsx writer draws it: attainment per indicator, bars in the
 * catalogue's order from the top, 0–100 %, no legend. It reads the sheet's own cells, so it follows
 * the live formulas. Category labels are set on the series (ExcelApi 1.7) because they are not
 * next to the values.
 */
export const SERIES_COLOR = "#2E75B6";

export function writeChart(sheet: HostWorksheet, chart: ChartSpec): void {
  const added = sheet.charts.add("BarClustered", sheet.getRange(chart.values), "Columns");
  added.name = "StarScore";
  added.title.text = chart.title;
  added.legend.visible = false;
  const series = added.series.getItemAt(0);
  series.name = chart.seriesName;
  series.setXAxisValues(sheet.getRange(chart.categories));
  series.format.fill.setSolidColor(SERIES_COLOR);
  series.gapWidth = 60;
  added.axes.categoryAxis.reversePlotOrder = true;
  const valueAxis = added.axes.valueAxis;
  valueAxis.minimum = 0;
  valueAxis.maximum = 1;
  valueAxis.numberFormat = "0%";
  added.setPosition(chart.from, chart.to);
}
