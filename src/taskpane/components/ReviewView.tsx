import { useCallback, useEffect, useRef, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Field,
  Subtitle1,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import type { FinaliseRecord, FinaliseStatus, IntegrityIssue, ReviewReport } from "../actions/types";
import { fmt, type Lang, type Messages } from "../i18n";
import { fixed, points } from "../model/format";
import { errorCount, issueOverview, warningCount } from "../model/issues";
import { bonusLines, deductionLines, reviewChoices } from "../model/team";
import { ActionButton } from "./ActionButton";
import { AuditLogTable } from "./AuditLogTable";
import { Disagreements } from "./Disagreements";
import { ErrorBar } from "./ErrorBar";
import { ExcludedList } from "./ExcludedList";
import { Findings } from "./IntegrityFindings";
import { focusSoon, useAction, usePane, useViewStatus } from "./PaneContext";
import { GRADE_COLORS } from "./grade-colors";
import { ReviewStateText } from "./ReviewStateText";
import { NoWorkbookNotice, ViewLink } from "./ViewLink";
import type { ViewProps } from "./views";
import { VIEW_STYLES } from "./view-styles";

const useStyles = makeStyles({
  ...VIEW_STYLES,
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  sub: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  strong: { ...typographyStyles.body1Strong },
});

type Verdict = "approve" | "return";

/**
 * 审核 Review: the reviewing manager's one screen after finalising. What to check, read without
 * writing anything (reviewReport, a bare verify, finaliseStatus): the review state, completeness,
 * the items in disagreement with every evaluator's entry, the exclusions with their reasons, the
 * special deductions with their rectification, the bonus with its reason, the integrity check and
 * the audit log. Approve (a comment optional) or Return (a comment required: the view asks for it
 * before the host is called); the host refuses the person who finalised, and the view shows why.
 */
export function ReviewView({ active }: ViewProps) {
  const styles = useStyles();
  const { host, t, lang, workbookVersion, workbook } = usePane();
  const [status, setStatus] = useState<FinaliseStatus | null>(null);
  const [report, setReport] = useState<ReviewReport | null>(null);
  const [findings, setFindings] = useState<IntegrityIssue[] | null>(null);
  const [comment, setComment] = useState("");
  const [commentMissing, setCommentMissing] = useState(false);
  const reading = useAction();
  const reporting = useAction();
  const checking = useAction();
  const action = useAction();
  const setViewStatus = useViewStatus();
  const commentInput = useRef<HTMLTextAreaElement>(null);
  const errorBar = useRef<HTMLDivElement>(null);
  const stateHeading = useRef<HTMLHeadingElement>(null);
  const present = workbook === "present";
  const absent = workbook === "absent";

  const { run: readStatus } = reading;
  const { run: readReport } = reporting;
  const { run: check } = checking;
  const { clearFailure } = action;
  const refresh = useCallback(async () => {
    // Read afresh: a refusal shown from before (another person, another state) is gone.
    clearFailure();
    await Promise.all([
      readStatus({ busy: (t) => t.reviewLoading, failed: "finaliseStatusFailed", quiet: true }, () =>
        host.finaliseStatus(),
      ).then((r) => r && setStatus(r)),
      readReport({ busy: (t) => t.reviewLoading, failed: "reviewFailed", quiet: true }, () =>
        host.reviewReport(),
      ).then((r) => r && setReport(r)),
      // A bare verify reads only: the reviewer's look is not logged.
      check({ busy: (t) => t.verifying, failed: "verifyFailed", quiet: true }, () => host.verify()).then(
        (r) => r && setFindings(r),
      ),
    ]);
  }, [host, readStatus, readReport, check, clearFailure]);

  useEffect(() => {
    if (active && present) void refresh();
  }, [active, present, workbookVersion, refresh]);

  const choices = reviewChoices(status?.review);
  const decide = async (verdict: Verdict) => {
    const text = comment.trim();
    if (verdict === "return" && !text) {
      setCommentMissing(true);
      commentInput.current?.focus();
      return;
    }
    const result = await action.run<FinaliseRecord>(
      verdict === "approve"
        ? { busy: (t) => t.approving, done: (t) => t.approvedDone, failed: "approveFailed", logged: true }
        : { busy: (t) => t.returning, done: (t) => t.returnedDone, failed: "returnFailed", logged: true },
      (name) => host.review(name, verdict, text),
    );
    if (result) {
      setComment("");
      focusSoon(() => stateHeading.current);
      await refresh();
    } else {
      focusSoon(() => errorBar.current);
    }
  };

  const result = report?.result[lang];
  return (
    <>
      <Subtitle1 as="h2" className={styles.heading}>
        {t.reviewHeading}
      </Subtitle1>
      <Body1 as="p" className={styles.text}>
        {t.reviewIntro}
      </Body1>
      {absent && <NoWorkbookNotice />}
      <div className={styles.toolbar}>
        <Button
          appearance="subtle"
          disabledFocusable={reading.running || reporting.running || !present}
          onClick={() => {
            setViewStatus(null);
            void refresh();
          }}
        >
          {t.reviewRefresh}
        </Button>
      </div>
      {reading.failure && <ErrorBar failure={reading.failure} />}
      {reporting.failure && <ErrorBar failure={reporting.failure} />}
      {checking.failure && <ErrorBar failure={checking.failure} />}

      {status?.workbook && status.review && (
        <section className={styles.section} aria-labelledby="starscore-review-state">
          <h3 id="starscore-review-state" ref={stateHeading} tabIndex={-1} className={styles.focusHeading}>
            {t.reviewStateHeading}
          </h3>
          <ReviewStateText review={status.review} t={t} />
          {status.record && (status.review.state === "finalised" || status.review.state === "approved") && (
            <Body1 as="p" className={styles.text}>
              {fmt(t.finalisedDone, {
                score: fixed(status.record.finalScore),
                grade: status.record.gradeLabel[lang],
              })}{" "}
              {fmt(t.entriesHash, { hash: status.record.entriesHash.slice(0, 12) + "…" })}
            </Body1>
          )}
        </section>
      )}

      {report && result && (
        <>
          <Completeness report={report} t={t} lang={lang} />
          <Disagreements
            result={result}
            entries={report.disagreements}
            t={t}
            lang={lang}
            headingId="starscore-review-disagreements"
          />
          <ExcludedList
            exclusions={report.exclusions}
            result={result}
            t={t}
            lang={lang}
            headingId="starscore-review-excluded"
            none={t.reviewNoExclusions}
          />
          <Deductions report={report} t={t} lang={lang} />
          <BonusList report={report} t={t} />
        </>
      )}
      {findings && <Findings findings={findings} t={t} lang={lang} headingId="starscore-review-integrity" />}

      {status?.workbook && (
        <section className={styles.section} aria-labelledby="starscore-review-decision">
          <Subtitle2 as="h3" id="starscore-review-decision" className={styles.heading}>
            {t.reviewDecisionHeading}
          </Subtitle2>
          {!choices.return && (
            <Body1 as="p" className={styles.text}>
              {t.reviewNotYet}
            </Body1>
          )}
          <Field
            label={t.reviewCommentLabel}
            hint={t.reviewCommentHint}
            validationState={commentMissing ? "error" : "none"}
            validationMessage={commentMissing ? t.reviewCommentRequired : undefined}
          >
            <Textarea
              ref={commentInput}
              value={comment}
              resize="vertical"
              onChange={(_, data) => {
                setComment(data.value);
                if (data.value.trim()) setCommentMissing(false);
              }}
            />
          </Field>
          <div className={styles.toolbar}>
            <ActionButton
              appearance="primary"
              action={action}
              unavailable={!choices.approve}
              onClick={() => void decide("approve")}
            >
              {t.approveButton}
            </ActionButton>
            <ActionButton action={action} unavailable={!choices.return} onClick={() => void decide("return")}>
              {t.returnButton}
            </ActionButton>
          </div>
          {action.failure && <ErrorBar ref={errorBar} failure={action.failure} />}
        </section>
      )}

      {status?.workbook && <AuditLogTable status={status} t={t} headingId="starscore-review-log" />}
    </>
  );
}

/** Completeness: the items scored, whether the result is complete, validation's count. */
function Completeness({ report, t, lang }: { report: ReviewReport; t: Messages; lang: Lang }) {
  const styles = useStyles();
  const result = report.result[lang];
  const applicable = result.items.filter((i) => !i.excluded);
  const scored = applicable.filter((i) => i.entries > 0).length;
  const overview = issueOverview(report.issues);
  const errors = errorCount(overview);
  const warnings = warningCount(overview);
  return (
    <section className={styles.section} aria-labelledby="starscore-review-complete">
      <Subtitle2 as="h3" id="starscore-review-complete" className={styles.heading}>
        {t.reviewCompletenessHeading}
      </Subtitle2>
      <div className={styles.badges}>
        <Badge appearance="filled" color={GRADE_COLORS[result.grade]}>
          {`${fixed(result.finalScore)} · ${fmt(t.gradeBadge, { grade: result.gradeLabel })}`}
        </Badge>
        <Badge appearance="outline" color={result.complete ? "success" : "warning"}>
          {result.complete ? t.complete : t.incomplete}
        </Badge>
      </div>
      <Body1 as="p" className={styles.text}>
        {fmt(t.reviewScored, { scored, applicable: applicable.length })}
      </Body1>
      {errors + warnings > 0 && (
        <Body1 as="p" className={styles.text}>
          {fmt(t.resultIssues, { errors, warnings })} <ViewLink view="validate" />
        </Body1>
      )}
    </section>
  );
}

/** The special deductions, each with its category, the rectification required and the deadline. */
function Deductions({ report, t, lang }: { report: ReviewReport; t: Messages; lang: Lang }) {
  const styles = useStyles();
  const lines = deductionLines(report.deductions);
  return (
    <section className={styles.section} aria-labelledby="starscore-review-deductions">
      <Subtitle2 as="h3" id="starscore-review-deductions" className={styles.heading}>
        {t.reviewDeductionsHeading}
      </Subtitle2>
      {lines.length === 0 ? (
        <Body1 as="p" className={styles.text}>
          {t.reviewNoDeductions}
        </Body1>
      ) : (
        <ul className={styles.list}>
          {lines.map((line) => (
            <li key={line.n}>
              <span className={styles.strong}>
                {fmt(t.reviewDeduction, {
                  n: line.n,
                  category: line.category[lang],
                  description: line.description,
                })}
              </span>
              <ul className={styles.sub}>
                {line.item && <li>{fmt(t.reviewDeductionItem, { item: line.item })}</li>}
                <li>
                  {line.rectification
                    ? fmt(t.reviewRectification, { text: line.rectification })
                    : t.reviewNoRectification}
                </li>
                {line.deadline && <li>{fmt(t.reviewDeadline, { date: line.deadline })}</li>}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The special bonus lines with their reasons. */
function BonusList({ report, t }: { report: ReviewReport; t: Messages }) {
  const styles = useStyles();
  const lines = bonusLines(report.bonus);
  return (
    <section className={styles.section} aria-labelledby="starscore-review-bonus">
      <Subtitle2 as="h3" id="starscore-review-bonus" className={styles.heading}>
        {t.reviewBonusHeading}
      </Subtitle2>
      {lines.length === 0 ? (
        <Body1 as="p" className={styles.text}>
          {t.reviewNoBonus}
        </Body1>
      ) : (
        <ul className={styles.sub}>
          {lines.map((line, i) => (
            <li key={i}>
              {fmt(t.reviewBonusLine, {
                points: points(line.points),
                reason: line.reason || t.excludedNoReason,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
