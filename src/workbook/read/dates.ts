import type { SheetReader } from "./cells";
import { isoDate } from "./grid";
import { MESSAGES } from "./messages";

/**
 * A date cell as an ISO date: a real date (Excel's date serial with a date format), or text written
 * 2026-11-02, 2026/11/2, 2026.11.2 or 2026年11月2日. Anything else is reported with its cell.
 */
const TEXT_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

export function isoFromText(text: string): string | undefined {
  const match = TEXT_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export function readDate(sheet: SheetReader, row: number, column: number): string | undefined {
  const content = sheet.at(row, column);
  if (content.kind === "date") return isoDate(content.value);
  if (content.kind === "blank") return undefined;
  const text = sheet.text(row, column);
  if (text === undefined) return undefined;
  return isoFromText(text) ?? sheet.fail(MESSAGES.badDate(sheet.cellName(row, column), text), row, column);
}
