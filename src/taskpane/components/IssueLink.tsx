import { Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { fmt } from "../i18n";
import { ErrorBar } from "./ErrorBar";
import { useAction, usePane } from "./PaneContext";

const useStyles = makeStyles({
  link: { textAlign: "start" },
  cell: { color: tokens.colorNeutralForeground3, marginInlineStart: tokens.spacingHorizontalXS },
});

/**
 * A message about a cell: a link-styled button that selects the cell in Excel (keyboard: Tab to
 * it, Enter or Space), or plain text when the message has no cell.
 */
export function IssueLink({ text, cell }: { text: string; cell?: string | undefined }) {
  const styles = useStyles();
  const { host, t } = usePane();
  const select = useAction();
  if (!cell) return <span>{text}</span>;
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
        <Caption1 className={styles.cell}>({fmt(t.issueCell, { cell })})</Caption1>
      </Link>
      {select.failure && <ErrorBar failure={select.failure} />}
    </>
  );
}
