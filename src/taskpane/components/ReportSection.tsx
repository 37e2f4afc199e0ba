import { useRef, useState } from "react";
import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReportResult } from "../actions/types";
import { fmt } from "../i18n";
import { downloadsAllowed, reportDocx, reportFileName } from "../model/report";
import { officePlatform } from "../office";
import { ActionButton } from "./ActionButton";
import { ErrorBar } from "./ErrorBar";
import { Notice } from "./Notice";
import { useAction, usePane } from "./PaneContext";
import { VIEW_STYLES } from "./view-styles";

const useStyles = makeStyles({
  ...VIEW_STYLES,
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * The Results view's report (issue 13): "报告 / Report" adds or refreshes the Report sheet
 * (host.report, logged), and then offers the assessment report as a .docx, built in the browser
 * (its own chunk) from the model host.reportModel() reads at the click, where the host lets a task
 * pane download files;
 * elsewhere it says how to get the .docx another way. `downloads` defaults to what the platform
 * allows (model/report.ts downloadsAllowed).
 */
export function ReportSection({
  absent,
  active,
  downloads = downloadsAllowed(officePlatform()),
}: {
  absent: boolean;
  active: boolean;
  downloads?: boolean;
}) {
  const styles = useStyles();
  const { host, t } = usePane();
  const report = useAction();
  const download = useAction();
  const [result, setResult] = useState<ReportResult | null>(null);
  const errorBar = useRef<HTMLDivElement>(null);

  const onReport = async () => {
    const made = await report.run(
      {
        busy: (t) => t.reporting,
        done: (t, r: ReportResult) =>
          fmt(r.refreshed ? t.reportRefreshed : t.reportAdded, { sheet: r.sheet, score: r.model.finalScore }),
        failed: "reportFailed",
        logged: true,
      },
      (person) => host.report(person),
    );
    if (made) setResult(made);
  };

  // The .docx shows the workbook as it is at the click (read again, nothing written), not as it was
  // when the Report sheet was written: entries may have changed since.
  const onDownload = async () => {
    await download.run({ busy: (t) => t.reportBuilding, failed: "reportDownloadFailed" }, async () => {
      const model = await host.reportModel();
      saveFile(reportFileName(model), await reportDocx(model));
    });
  };

  return (
    <section className={styles.section} aria-labelledby="starscore-report-heading">
      <Subtitle2 as="h3" id="starscore-report-heading" className={styles.heading}>
        {t.reportHeading}
      </Subtitle2>
      <Body1 as="p" className={styles.text}>
        {t.reportIntro}
      </Body1>
      <div className={styles.toolbar}>
        <ActionButton
          action={report}
          unavailable={absent}
          busy={report.running && active}
          onClick={() => void onReport()}
        >
          {t.reportButton}
        </ActionButton>
        {result && downloads && (
          <ActionButton action={download} busy={download.running && active} onClick={() => void onDownload()}>
            {t.reportDownload}
          </ActionButton>
        )}
      </div>
      {result && !downloads && (
        <Notice intent="info">{fmt(t.reportNoDownload, { sheet: result.sheet })}</Notice>
      )}
      {report.failure && <ErrorBar ref={errorBar} failure={report.failure} />}
      {download.failure && <ErrorBar failure={download.failure} />}
    </section>
  );
}

/** The file offered as a download: a Blob URL on an <a download>, revoked once the click is handled. */
function saveFile(name: string, data: Uint8Array): void {
  const blob = new Blob([data as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
