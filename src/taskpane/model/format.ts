/**
 * How the pane writes numbers, times and cells for people. One place, so that the views agree.
 */

/** 80.1 → "80.10". */
export const fixed = (value: number, places = 2): string => value.toFixed(places);

/** 0.817 → "81.7 %". */
export const percent = (fraction: number): string => `${(fraction * 100).toFixed(1)} %`;

/** A maximum without needless decimals: 6 → "6", 1.5 → "1.50". */
export const points = (value: number): string => fixed(value).replace(/\.00$/, "");

/**
 * A cell as people read it: "'评分'!H10" → "评分!H10". The quotes Excel needs around some sheet
 * names are for the API, not the reader.
 */
export function displayCell(cell: string): string {
  const match = /^'((?:[^']|'')+)'!(.+)$/.exec(cell);
  return match ? `${match[1]!.replace(/''/g, "'")}!${match[2]}` : cell;
}

/**
 * An audit log time ("2025-03-14T09:26:53+08:00", ISO 8601 with its offset) in the reader's
 * local time, short and the same in both languages: "2025-03-14 09:26". Text that is not such a
 * time (a row typed by hand) is returned as it is.
 */
export function shortDateTime(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso)) return iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}
