import { Link, makeStyles } from "@fluentui/react-components";
import { fmt } from "../i18n";
import { ErrorBar } from "./ErrorBar";
import { useAction, usePane } from "./PaneContext";

const useStyles = makeStyles({ link: { textAlign: "start", whiteSpace: "nowrap" } });

/**
 * An item's code that goes to its row on the Scoring sheet (a link-styled button: Tab to it, Enter
 * or Space), or the plain code when the workbook has no row for it.
 */
export function ItemLink({ code, cell }: { code: string; cell?: string | undefined }) {
  const styles = useStyles();
  const { host, t } = usePane();
  const select = useAction();
  if (!cell) return <span>{code}</span>;
  return (
    <>
      <Link
        as="button"
        className={styles.link}
        title={fmt(t.goToItem, { code })}
        onClick={() =>
          void select.run(
            { busy: (t) => fmt(t.issueCell, { cell }), failed: "selectCellFailed", quiet: true },
            () => host.selectCell(cell),
          )
        }
      >
        {code}
      </Link>
      {select.failure && <ErrorBar failure={select.failure} />}
    </>
  );
}
