import { Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { fmt } from "../i18n";
import { displayCell } from "../model/format";
import { ErrorBar } from "./ErrorBar";
import { useAction, usePane } from "./PaneContext";

const useStyles = makeStyles({
  link: { textAlign: "start" },
  // The cell moves to the next line as a whole rather than breaking inside "评分!H71".
  cell: {
    color: tokens.colorNeutralForeground3,
    marginInlineStart: tokens.spacingHorizontalXXS,
    whiteSpace: "nowrap",
  },
});

/**
 * A message about a cell: a link-styled button that selects the cell in Excel (keyboard: Tab to
 * it, Enter or Space), or plain text when the message has no cell. The cell is named after the
 * message unless the message names it already (the reader's messages start with it).
 */
export function IssueLink({ text, cell }: { text: string; cell?: string | undefined }) {
  const styles = useStyles();
  const { host, t } = usePane();
  const select = useAction();
  if (!cell) return <span>{text}</span>;
  const shown = displayCell(cell);
  return (
    <>
      <Link
        as="button"
        className={styles.link}
        onClick={() =>
          void select.run(
            { busy: (t) => fmt(t.issueCell, { cell }), failed: "selectCellFailed", quiet: true },
            () => host.selectCell(cell),
          )
        }
      >
        {text}
        {!text.includes(shown) && (
          <Caption1 className={styles.cell}>{fmt(t.issueCellParen, { cell: shown })}</Caption1>
        )}
      </Link>
      {select.failure && <ErrorBar failure={select.failure} />}
    </>
  );
}
