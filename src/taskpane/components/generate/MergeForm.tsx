import { useId, useRef, useState, type FormEvent } from "react";
import { Body1, Checkbox, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ChosenFile, MergeReport } from "../../actions/types";
import { ReferencesAtRiskError } from "../../errors";
import { fmt } from "../../i18n";
import { ActionButton } from "../ActionButton";
import { ErrorBar } from "../ErrorBar";
import { FileChooser } from "../FileChooser";
import { Notice } from "../Notice";
import { focusSoon, useAction, usePane, useViewStatus } from "../PaneContext";
import { useGenerateStyles } from "./styles";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingInlineStart: tokens.spacingHorizontalXL },
  conflict: { overflowWrap: "anywhere" },
});

/**
 * 合并评价人的工作簿: on the lead's workbook, choose the evaluators' .xlsx files (one or more) and
 * merge them in (host.merge). With conflicts nothing is written and every one is listed (the
 * evaluator, the item, both files' cells); warnings are shown either way; a file refused (not
 * StarScore's, another catalogue or rules) is the error bar's.
 */
export function MergeForm({ onMerged }: { onMerged: () => void }) {
  const styles = useStyles();
  const shared = useGenerateStyles();
  const { host, t, lang, workbookChanged } = usePane();
  const setStatus = useViewStatus();
  const merge = useAction();
  const headingId = useId();
  const chooser = useRef<HTMLButtonElement>(null);
  const resultBar = useRef<HTMLDivElement>(null);
  const errorBar = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<ChosenFile[]>([]);
  const [report, setReport] = useState<MergeReport | null>(null);
  // The user's own formulas or names refer to StarScore's sheets: merge anyway only when ticked.
  const [breakReferences, setBreakReferences] = useState(false);
  const atRisk = merge.failure?.error instanceof ReferencesAtRiskError;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setStatus({ busy: false, text: (t) => t.mergeNoFiles });
      chooser.current?.focus();
      return;
    }
    setReport(null);
    const result = await merge.run(
      {
        busy: (t) => t.merging,
        done: (t, r: MergeReport) =>
          r.merged
            ? fmt(t.mergedDone, { entries: r.taken.entries, notes: r.taken.notes })
            : fmt(t.mergeConflictsTitle, { n: r.conflicts.length }),
        failed: "mergeFailed",
        logged: true,
      },
      (person) => host.merge(chosen, { person, ...(breakReferences && { breakReferences }) }),
    );
    if (result) {
      setReport(result);
      if (result.merged) {
        workbookChanged();
        onMerged();
      }
      focusSoon(() => resultBar.current);
    } else {
      focusSoon(() => errorBar.current);
    }
  };

  return (
    <form className={shared.form} onSubmit={(e) => void submit(e)} aria-labelledby={headingId} noValidate>
      <Subtitle2 as="h3" id={headingId} className={shared.heading}>
        {t.mergeHeading}
      </Subtitle2>
      <Body1 as="p" className={shared.text}>
        {t.mergeIntro}
      </Body1>
      <FileChooser
        ref={chooser}
        label={t.mergeFilesLabel}
        hint={t.fileHint}
        multiple
        disabled={merge.blocked || merge.running}
        onChosen={(files) => {
          setChosen(files);
          setReport(null);
        }}
      />
      <Body1 as="p" className={shared.text}>
        {t.undoCleared}
      </Body1>
      <div className={shared.actions}>
        <ActionButton type="submit" appearance="primary" action={merge}>
          {t.mergeButton}
        </ActionButton>
      </div>
      {merge.failure && <ErrorBar ref={errorBar} failure={merge.failure} />}
      {atRisk && (
        <Checkbox
          checked={breakReferences}
          label={t.rebuildAnyway}
          onChange={(_, data) => setBreakReferences(data.checked === true)}
        />
      )}
      {report && !report.merged && (
        <Notice
          ref={resultBar}
          intent="error"
          title={fmt(t.mergeConflictsTitle, { n: report.conflicts.length })}
        >
          <ul className={styles.list} data-testid="merge-conflicts">
            {report.conflicts.map((c, i) => (
              <li key={i} className={styles.conflict}>
                {c.message[lang]}
              </li>
            ))}
          </ul>
          {t.mergeConflictsHint}
        </Notice>
      )}
      {report?.merged && (
        <Notice ref={resultBar} intent="success">
          {fmt(t.mergedDone, { entries: report.taken.entries, notes: report.taken.notes })}
          {report.added.length > 0 &&
            ` ${fmt(t.mergedAdded, { list: report.added.join(lang === "zh" ? "、" : ", ") })}`}
        </Notice>
      )}
      {report && report.warnings.length > 0 && (
        <Notice intent="warning" title={t.mergeWarningsTitle}>
          <ul className={styles.list}>
            {report.warnings.map((w, i) => (
              <li key={i}>{w[lang]}</li>
            ))}
          </ul>
        </Notice>
      )}
    </form>
  );
}
