import { useRef, useState } from "react";
import { Button, Spinner, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { fmt, type MessageKey } from "../../i18n";
import { ErrorBar } from "../ErrorBar";
import { Notice } from "../Notice";
import { focusSoon, useAction, usePane } from "../PaneContext";
import type { ViewProps } from "../views";
import { AddEvaluatorForm } from "./AddEvaluatorForm";
import { GenerateForm, type Generated } from "./GenerateForm";
import { MergeForm } from "./MergeForm";
import { useGenerateStyles } from "./styles";

const useStyles = makeStyles({
  skipped: { margin: `${tokens.spacingVerticalXS} 0`, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** The parts generateWorkbook may leave out (src/taskpane/excel/write-workbook.ts), in words. */
const SKIPPED_WORDS: Record<string, MessageKey> = {
  autoFilter: "skippedAutoFilter",
  pageLayout: "skippedPageLayout",
};

/**
 * 生成 Generate: on a workbook without StarScore's sheets, the form that makes them; on one that has
 * them, the form that adds an evaluator column. What the last generation made (and what this Excel
 * could not write) stays above until the next action.
 */
export function GenerateView(_props: ViewProps) {
  const styles = useStyles();
  const shared = useGenerateStyles();
  const { t, workbook, workbookFailure, recheckWorkbook, workbookChanged } = usePane();
  const [generated, setGenerated] = useState<Generated | null>(null);
  // Generating lives here, not in the form: its error (the workbook exists) outlives the form.
  const generate = useAction();
  const errorBar = useRef<HTMLDivElement>(null);
  const successBar = useRef<HTMLDivElement>(null);

  const onGenerated = (result: Generated | undefined) => {
    if (result) {
      setGenerated(result);
      workbookChanged();
      focusSoon(() => successBar.current);
    } else {
      setGenerated(null);
      // A workbook that already has StarScore's sheets offers the add-an-evaluator form instead.
      recheckWorkbook();
      focusSoon(() => errorBar.current);
    }
  };

  return (
    <>
      <Subtitle1 as="h2" className={shared.heading}>
        {workbook === "present" ? t.existsHeading : t.generateHeading}
      </Subtitle1>
      {workbook === "unknown" && workbookFailure !== null && (
        <>
          <ErrorBar failure={{ title: "checkWorkbookFailed", error: workbookFailure }} />
          <div>
            <Button onClick={recheckWorkbook}>{t.retry}</Button>
          </div>
        </>
      )}
      {generate.failure && <ErrorBar ref={errorBar} failure={generate.failure} />}
      {generated && (
        <Notice ref={successBar} intent="success">
          {fmt(t.generated, { n: generated.columns })}
        </Notice>
      )}
      {generated && generated.skipped.length > 0 && (
        <Notice intent="warning" title={t.skippedTitle}>
          <ul className={styles.skipped}>
            {generated.skipped.map((part) => {
              const key = SKIPPED_WORDS[part];
              return <li key={part}>{key ? t[key] : part}</li>;
            })}
          </ul>
          {t.skippedWhy}
        </Notice>
      )}
      {workbook === "checking" && <Spinner size="tiny" label={t.checkingWorkbook} />}
      {workbook === "present" ? (
        <>
          <AddEvaluatorForm onAdded={() => setGenerated(null)} />
          <MergeForm onMerged={() => setGenerated(null)} />
        </>
      ) : (
        workbook !== "checking" && <GenerateForm generate={generate} onGenerated={onGenerated} />
      )}
    </>
  );
}
