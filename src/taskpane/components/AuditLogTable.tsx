import { Body1, Subtitle2, makeStyles } from "@fluentui/react-components";
import type { FinaliseStatus } from "../actions/types";
import { fmt, type Messages } from "../i18n";
import { shortDateTime } from "../model/format";
import { DataTable } from "./DataTable";
import { Time } from "./Formatted";
import { VIEW_STYLES } from "./view-styles";

const useStyles = makeStyles({
  ...VIEW_STYLES,
});

/** The audit log's last rows, newest first (Finalise and Review). */
export function AuditLogTable({
  status,
  t,
  headingId = "starscore-audit-log",
}: {
  status: FinaliseStatus;
  t: Messages;
  /** The heading's id, unique in the pane (every view stays mounted). */
  headingId?: string;
}) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {fmt(t.auditLogHeading, { n: status.log.length })}
      </Subtitle2>
      {!status.hasLog ? (
        <Body1 as="p" className={styles.text}>
          {t.auditLogMissing}
        </Body1>
      ) : status.log.length === 0 ? (
        <Body1 as="p" className={styles.text}>
          {t.auditLogEmpty}
        </Body1>
      ) : (
        <DataTable
          labelledBy={headingId}
          rows={status.log}
          rowKey={(row, i) => `${i}-${row.time}`}
          listBelow={600}
          columns={[
            {
              header: t.colTime,
              cell: (row) => <Time iso={row.time} shown={shortDateTime(row.time)} />,
            },
            { header: t.colPerson, cell: (row) => row.person || t.noName },
            { header: t.colAction, cell: (row) => row.action },
            { header: t.colSummary, cell: (row) => row.summary },
          ]}
        />
      )}
    </section>
  );
}
