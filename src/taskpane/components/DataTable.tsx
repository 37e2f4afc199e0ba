import type { ReactNode } from "react";
import {
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";

/**
 * A small native table styled like Fluent's Table (size "small"). Fluent's Table brings the data
 * grid machinery with it, which costs the initial bundle more than these few rows need.
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
}

export function DataTable<Row>({ labelledBy, columns, rows, rowKey, currentRow }: DataTableProps<Row>) {
  const styles = useStyles();
  return (
    // A region that may scroll sideways in a narrow pane: focusable, so the keyboard can scroll it.
    <div className={styles.wrap} role="region" aria-labelledby={labelledBy} tabIndex={0}>
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
