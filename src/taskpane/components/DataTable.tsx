import { useEffect, useState, type ReactNode } from "react";
import {
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { Facts } from "./Facts";

/**
 * A small native table styled like Fluent's Table (size "small"), which becomes a list of rows in a
 * narrow pane: each row a block with its first column as the line's title and the others as
 * labelled values, so that nothing wraps one character per line and nothing falls off to the right.
 * Fluent's Table brings the data grid machinery with it, which costs the initial bundle more than
 * these few rows need.
 */
const useStyles = makeStyles({
  wrap: { overflowX: "auto", ...createFocusOutlineStyle() },
  table: {
    ...typographyStyles.caption1,
    width: "100%",
    borderCollapse: "collapse",
    color: tokens.colorNeutralForeground1,
  },
  th: {
    ...typographyStyles.caption1Strong,
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    verticalAlign: "bottom",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  list: {
    ...typographyStyles.caption1,
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    color: tokens.colorNeutralForeground1,
  },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowTitle: { ...typographyStyles.caption1Strong },
});

export interface Column<Row> {
  header: string;
  cell: (row: Row, index: number) => ReactNode;
  numeric?: boolean;
}

export interface DataTableProps<Row> {
  /** The id of the heading that names the table. */
  labelledBy: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  /** The row to mark as current (aria-current), e.g. the selected evaluator. */
  currentRow?: number | undefined;
  /** Below this pane width (px) the rows are a list; 0 keeps the table. */
  listBelow?: number;
}

/** Whether a media query matches now, following changes (false where matchMedia is missing). */
export function useMediaQuery(query: string | null): boolean {
  const get = () =>
    query !== null && typeof window !== "undefined" && typeof window.matchMedia === "function"
      ? window.matchMedia(query).matches
      : false;
  const [matches, setMatches] = useState(get);
  useEffect(() => {
    if (query === null || typeof window.matchMedia !== "function") return undefined;
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener("change", onChange);
    return () => list.removeEventListener("change", onChange);
  }, [query]);
  return matches;
}

export function DataTable<Row>({
  labelledBy,
  columns,
  rows,
  rowKey,
  currentRow,
  listBelow = 480,
}: DataTableProps<Row>) {
  const styles = useStyles();
  const narrow = useMediaQuery(listBelow > 0 ? `(max-width: ${listBelow - 1}px)` : null);
  if (narrow) {
    const [first, ...rest] = columns;
    return (
      <ul className={styles.list} aria-labelledby={labelledBy}>
        {rows.map((row, i) => (
          <li
            key={rowKey(row, i)}
            aria-current={i === currentRow ? "true" : undefined}
            className={mergeClasses(styles.row, i === currentRow && styles.selected)}
          >
            {first && <span className={styles.rowTitle}>{first.cell(row, i)}</span>}
            <Facts facts={rest.map((column) => ({ term: column.header, value: column.cell(row, i) }))} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    // May scroll sideways in a narrow pane: focusable, so the keyboard can scroll it. A group, not
    // a region: the section around it is the landmark, with the same name.
    <div className={styles.wrap} role="group" aria-labelledby={labelledBy} tabIndex={0}>
      <table className={styles.table} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={mergeClasses(styles.th, column.numeric && styles.number)}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr
              key={rowKey(row, i)}
              aria-current={i === currentRow ? "true" : undefined}
              className={i === currentRow ? styles.selected : undefined}
            >
              {columns.map((column) => (
                <td key={column.header} className={mergeClasses(styles.td, column.numeric && styles.number)}>
                  {column.cell(row, i)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
