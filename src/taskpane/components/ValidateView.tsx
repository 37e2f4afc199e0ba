import { useCallback, useRef, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Caption1,
  Field,
  ProgressBar,
  Subtitle1,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ValidationReport } from "../actions/types";
import { fmt, type Lang, type Messages } from "../i18n";
import { errorCount, issueOverview, warningCount, type IssueOverview } from "../model/issues";
import { ActionButton } from "./ActionButton";
import { useItems } from "./catalogue";
import { ErrorBar } from "./ErrorBar";
import { IssueGroups, UnscoredLine } from "./IssueList";
import { focusSoon, useAction, usePane, useViewStatus, useWorkbookEdits } from "./PaneContext";
import { NoWorkbookNotice } from "./ViewLink";
import type { ViewProps } from "./views";
import { VIEW_STYLES } from "./view-styles";

/** How long after the last edit auto-validation runs. */
export const AUTO_VALIDATE_DELAY_MS = 800;

const useStyles = makeStyles({
  ...VIEW_STYLES,
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  summary: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: "none" },
  unscored: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  note: { color: tokens.colorNeutralForeground3 },
});

export function ValidateView({ active }: ViewProps) {
  const styles = useStyles();
  const { host, t, lang, workbook } = usePane();
  const setStatus = useViewStatus();
  const validate = useAction();
  const items = useItems();
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [auto, setAuto] = useState(true);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const errorBar = useRef<HTMLDivElement>(null);
  const latestRequest = useRef(0);
  const shownCounts = useRef<string | null>(null);

  const { run } = validate;
  const runValidation = useCallback(
    async (background: boolean) => {
      const request = ++latestRequest.current;
      const said = (t: Messages, r: ValidationReport) => {
        const overview = issueOverview(r.issues);
        return fmt(t.validated, { errors: errorCount(overview), warnings: warningCount(overview) });
      };
      const result = await run(
        {
          busy: (t) => t.validating,
          ...(!background && { done: said }),
          failed: "validateFailed",
          quiet: background,
          logged: !background,
        },
        // Auto-validation after each edit is not an action of the user's: it writes nothing (not
        // even the log), so the user's Ctrl+Z still undoes their own edit.
        (person) => host.validate(background ? { background: true } : { person }),
      );
      if (request !== latestRequest.current) return;
      if (result) {
        setReport(result);
        const overview = issueOverview(result.issues);
        const counts = `${errorCount(overview)}/${warningCount(overview)}/${overview.unscored.length}`;
        const changed = shownCounts.current !== counts;
        shownCounts.current = counts;
        // A background run speaks only when the counts change: edits come often.
        if (background && changed) setStatus({ busy: false, text: (t) => said(t, result) });
        if (!background) focusSoon(() => summaryHeading.current);
      } else if (!background) {
        focusSoon(() => errorBar.current);
      }
    },
    [host, run, setStatus],
  );

  useWorkbookEdits(() => void runValidation(true), auto, AUTO_VALIDATE_DELAY_MS);

  const overview = report && issueOverview(report.issues, items);
  const errors = overview ? errorCount(overview) : 0;
  const warnings = overview ? warningCount(overview) : 0;

  return (
    <>
      <Subtitle1 as="h2" className={styles.heading}>
        {t.validateHeading}
      </Subtitle1>
      <Body1 as="p" className={styles.text}>
        {t.validateIntro}
      </Body1>
      {workbook === "absent" && <NoWorkbookNotice />}
      <div className={styles.toolbar}>
        <ActionButton
          appearance="primary"
          action={validate}
          unavailable={workbook === "absent"}
          busy={validate.running && active}
          onClick={() => void runValidation(false)}
        >
          {t.validateButton}
        </ActionButton>
        <Switch
          checked={auto}
          label={t.autoValidate}
          aria-describedby="starscore-auto-validate-hint"
          onChange={(_, data) => setAuto(data.checked)}
        />
      </div>
      <Body1 as="p" id="starscore-auto-validate-hint" className={styles.text}>
        {t.autoValidateHint}
      </Body1>
      {validate.failure && <ErrorBar ref={errorBar} failure={validate.failure} />}
      <section className={styles.summary} aria-labelledby="starscore-validation-summary">
        <h3
          id="starscore-validation-summary"
          ref={summaryHeading}
          tabIndex={-1}
          className={styles.focusHeading}
        >
          {t.summaryHeading}
        </h3>
        {!report || !overview ? (
          <Body1 as="p" className={styles.text}>
            {t.notValidated}
          </Body1>
        ) : (
          <>
            {report.progress && <Progress {...report.progress} t={t} />}
            {overview.unscored.length > 0 && (
              <div className={styles.unscored}>
                <UnscoredLine unscored={overview.unscored} t={t} />
                <Caption1 className={styles.note}>{t.unscoredNote}</Caption1>
              </div>
            )}
            <ul className={styles.counts}>
              <li>
                <Badge appearance={errors ? "filled" : "outline"} color="danger">
                  {fmt(t.errorsCount, { n: errors })}
                </Badge>
              </li>
              <li>
                <Badge appearance={warnings ? "filled" : "outline"} color="warning">
                  {fmt(t.warningsCount, { n: warnings })}
                </Badge>
              </li>
            </ul>
            {errors + warnings === 0 ? (
              <Body1 as="p" className={styles.text}>
                {t.noIssues}
              </Body1>
            ) : (
              <IssueSections overview={overview} t={t} lang={lang} items={items} />
            )}
          </>
        )}
      </section>
    </>
  );
}

/** "已评分 43 / 50 项" with its bar. */
function Progress({ scored, applicable, t }: { scored: number; applicable: number; t: Messages }) {
  return (
    <Field
      label={t.progressLabel}
      validationMessage={fmt(t.progressText, { scored, applicable })}
      validationState="none"
    >
      <ProgressBar value={applicable ? scored / applicable : 0} max={1} thickness="large" />
    </Field>
  );
}

const SECTIONS = [
  { severity: "error", label: "severityErrors" },
  { severity: "warning", label: "severityWarnings" },
] as const;

function IssueSections({
  overview,
  t,
  lang,
  items,
}: {
  overview: IssueOverview;
  t: Messages;
  lang: Lang;
  items: ReturnType<typeof useItems>;
}) {
  const sections = SECTIONS.map((s) => ({
    ...s,
    groups: s.severity === "error" ? overview.errors : overview.warnings,
  })).filter((s) => s.groups.length > 0);
  return (
    <Accordion multiple collapsible defaultOpenItems={SECTIONS.map((s) => s.severity)}>
      {sections.map(({ severity, label, groups }) => (
        <AccordionItem key={severity} value={severity}>
          <AccordionHeader as="h4">
            {fmt(t[label], { n: groups.reduce((sum, g) => sum + g.issues.length, 0) })}
          </AccordionHeader>
          <AccordionPanel>
            <IssueGroups groups={groups} level={5} t={t} lang={lang} items={items} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
