import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { FinaliseRecord, FinaliseStatus, ValidationReport } from "../actions/types";
import { fmt, type Lang, type Messages } from "../i18n";
import { fixed, shortDateTime } from "../model/format";
import { issueOverview, warningCount } from "../model/issues";
import { ActionButton } from "./ActionButton";
import { useItems } from "./catalogue";
import { AuditLogTable } from "./AuditLogTable";
import { ErrorBar } from "./ErrorBar";
import { Formatted, Time } from "./Formatted";
import { IssueGroups, UnscoredLine } from "./IssueList";
import { Notice } from "./Notice";
import { focusSoon, useAction, usePane, useRequirePerson, useWorkbookEdits } from "./PaneContext";
import { ReviewStateText } from "./ReviewStateText";
import { NoWorkbookNotice } from "./ViewLink";
import type { ViewProps } from "./views";
import { VIEW_STYLES } from "./view-styles";

const useStyles = makeStyles({
  ...VIEW_STYLES,
  hash: { margin: 0, wordBreak: "break-all", color: tokens.colorNeutralForeground3 },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  list: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  confirmText: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** How long after the last edit the readiness check runs again. */
export const READINESS_DELAY_MS = 800;

type Pending = "finalise" | "reopen";

/**
 * 定稿 Finalise: whether the assessment can be finalised (validation's errors, kept up to date as the
 * workbook changes, and the score that would be frozen), its state (draft, finalised by whom and
 * when, reopened), Finalise and Reopen with a confirmation each (Escape cancels; the focus goes
 * back to the button), and the audit log's last rows. The state is read when the view is shown,
 * after each action, and after the pane changed the workbook.
 */
export function FinaliseView({ active }: ViewProps) {
  const styles = useStyles();
  const { host, t, lang, workbookVersion, person, workbook } = usePane();
  const [status, setStatusValue] = useState<FinaliseStatus | null>(null);
  const [readiness, setReadiness] = useState<ValidationReport | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const reading = useAction();
  const checking = useAction();
  const action = useAction();
  const requirePerson = useRequirePerson();
  const finaliseButton = useRef<HTMLButtonElement>(null);
  const reopenButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const reasonInput = useRef<HTMLInputElement>(null);
  const errorBar = useRef<HTMLDivElement>(null);
  const statusHeading = useRef<HTMLHeadingElement>(null);

  const { run: read } = reading;
  const refresh = useCallback(async () => {
    const result = await read(
      { busy: (t) => t.finaliseStatusLoading, failed: "finaliseStatusFailed", quiet: true },
      () => host.finaliseStatus(),
    );
    if (result) setStatusValue(result);
  }, [host, read]);

  const { run: check } = checking;
  const recheck = useCallback(async () => {
    const result = await check(
      { busy: (t) => t.readinessChecking, failed: "readinessFailed", quiet: true },
      () => host.validate({ background: true }),
    );
    if (result) setReadiness(result);
  }, [host, check]);

  // Whether it can be finalised is asked only of a workbook that has StarScore's sheets.
  const present = workbook === "present";
  useEffect(() => {
    if (active) void refresh();
  }, [active, workbookVersion, refresh]);
  useEffect(() => {
    if (active && present) void recheck();
  }, [active, present, workbookVersion, recheck]);

  // An edit on the sheets: the errors that stopped a finalisation may be fixed; check again.
  const { clearFailure } = action;
  useWorkbookEdits(
    () => {
      clearFailure();
      void recheck();
    },
    active && present,
    READINESS_DELAY_MS,
  );

  const state = status?.state;
  const errors = readiness ? readiness.errors : 0;
  const canFinalise = !!status?.workbook && state !== "finalised" && readiness !== null && errors === 0;
  const canReopen = state === "finalised";

  const openerOf = (what: Pending) => (what === "finalise" ? finaliseButton : reopenButton);
  const ask = (what: Pending) => {
    // The name first, asked where every logged action asks it.
    if (!requirePerson()) return;
    setPending(what);
    setReason("");
    setReasonMissing(false);
    focusSoon(() => (what === "reopen" ? reasonInput.current : confirmButton.current));
  };
  const cancel = () => {
    const what = pending;
    setPending(null);
    if (what) focusSoon(() => openerOf(what).current);
  };

  const confirm = async () => {
    const what = pending;
    if (!what) return;
    if (what === "reopen" && !reason.trim()) {
      setReasonMissing(true);
      reasonInput.current?.focus();
      return;
    }
    setPending(null);
    const why = reason.trim();
    const result = await action.run<FinaliseRecord>(
      what === "finalise"
        ? {
            busy: (t) => t.finalising,
            done: (t, r, lang) =>
              fmt(t.finalisedDone, { score: fixed(r.finalScore), grade: r.gradeLabel[lang] }),
            failed: "finaliseFailed",
            logged: true,
          }
        : { busy: (t) => t.reopening, done: (t) => t.reopenedDone, failed: "reopenFailed", logged: true },
      (name) => (what === "finalise" ? host.finalise(name) : host.reopen(name, why)),
    );
    if (!result) focusSoon(() => errorBar.current);
    else focusSoon(() => statusHeading.current);
    await Promise.all([refresh(), recheck()]);
  };

  const frozen = readiness?.result;

  return (
    <>
      <Subtitle1 as="h2" className={styles.heading}>
        {t.finaliseHeading}
      </Subtitle1>
      <Body1 as="p" className={styles.text}>
        {t.finaliseIntro}
      </Body1>
      {status && !status.workbook && <NoWorkbookNotice />}
      {status?.workbook && state !== "finalised" && (
        <Readiness report={readiness} checking={checking.running} t={t} lang={lang} />
      )}
      {checking.failure && <ErrorBar failure={checking.failure} />}

      <section className={styles.section} aria-labelledby="starscore-finalise-status">
        <h3 id="starscore-finalise-status" ref={statusHeading} tabIndex={-1} className={styles.focusHeading}>
          {t.finaliseStatusHeading}
        </h3>
        {status ? (
          <StatusText status={status} t={t} lang={lang} />
        ) : (
          <Body1 as="p" className={styles.text}>
            {t.finaliseStatusLoading}
          </Body1>
        )}
        {reading.failure && <ErrorBar failure={reading.failure} />}
        <div className={styles.toolbar}>
          <ActionButton
            ref={finaliseButton}
            appearance="primary"
            action={action}
            unavailable={!canFinalise}
            busy={action.running && pending === null}
            onClick={() => ask("finalise")}
          >
            {t.finaliseButton}
          </ActionButton>
          <ActionButton
            ref={reopenButton}
            action={action}
            unavailable={!canReopen}
            busy={false}
            onClick={() => ask("reopen")}
          >
            {t.reopenButton}
          </ActionButton>
          <Button
            appearance="subtle"
            disabledFocusable={reading.running}
            onClick={() => {
              void refresh();
              if (present) void recheck();
            }}
          >
            {t.finaliseRefresh}
          </Button>
        </div>
        {pending && (
          <Notice
            intent="warning"
            role="alertdialog"
            aria-label={t[`${pending}Button`]}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                event.stopPropagation();
                cancel();
              }
            }}
            actions={
              <>
                <Button ref={confirmButton} appearance="primary" onClick={() => void confirm()}>
                  {t.confirmButton}
                </Button>
                <Button onClick={cancel}>{t.cancelButton}</Button>
              </>
            }
          >
            <div className={styles.confirmText}>
              <span>
                {pending === "finalise"
                  ? fmt(t.finaliseConfirm, {
                      name: person.trim(),
                      score: frozen ? fixed(frozen.finalScore) : "–",
                      grade: frozen ? frozen.gradeLabel[lang] : "–",
                    })
                  : fmt(t.reopenConfirm, { name: person.trim() })}{" "}
                {t.undoCleared}
              </span>
              {pending === "reopen" && (
                <Field
                  label={t.reopenReasonLabel}
                  required
                  validationState={reasonMissing ? "error" : "none"}
                  validationMessage={reasonMissing ? t.reopenReasonRequired : undefined}
                >
                  <Input
                    ref={reasonInput}
                    value={reason}
                    onChange={(_, data) => {
                      setReason(data.value);
                      if (data.value.trim()) setReasonMissing(false);
                    }}
                    onKeyDown={(event) => {
                      if (event.key === "Enter") void confirm();
                    }}
                  />
                </Field>
              )}
            </div>
          </Notice>
        )}
        {action.failure && <ErrorBar ref={errorBar} failure={action.failure} />}
      </section>

      {status?.workbook && <AuditLogTable status={status} t={t} />}
    </>
  );
}

/** Whether it can be finalised: validation's errors (unscored items as one line), or the score it would freeze. */
function Readiness({
  report,
  checking,
  t,
  lang,
}: {
  report: ValidationReport | null;
  checking: boolean;
  t: Messages;
  lang: Lang;
}) {
  const styles = useStyles();
  const items = useItems();
  return (
    <section className={styles.section} aria-labelledby="starscore-readiness">
      <h3 id="starscore-readiness" className={styles.focusHeading}>
        {t.readinessHeading}
      </h3>
      {!report ? (
        checking && <Spinner size="tiny" label={t.readinessChecking} />
      ) : report.errors > 0 ? (
        <BlockingErrors report={report} t={t} lang={lang} items={items} />
      ) : (
        <Notice intent="success">
          {fmt(t.readinessReady, {
            score: report.result ? fixed(report.result.finalScore) : "–",
            grade: report.result ? report.result.gradeLabel[lang] : "–",
          })}
          {report.warnings > 0 && ` ${fmt(t.readinessWarnings, { n: report.warnings })}`}
        </Notice>
      )}
    </section>
  );
}

function BlockingErrors({
  report,
  t,
  lang,
  items,
}: {
  report: ValidationReport;
  t: Messages;
  lang: Lang;
  items: ReturnType<typeof useItems>;
}) {
  const styles = useStyles();
  const overview = issueOverview(report.issues, items);
  const warnings = warningCount(overview);
  return (
    <Notice intent="error" title={fmt(t.readinessBlocked, { n: report.errors })}>
      {overview.unscored.length > 0 && (
        <ul className={styles.list}>
          <li>
            <UnscoredLine unscored={overview.unscored} t={t} />
          </li>
        </ul>
      )}
      <IssueGroups groups={overview.errors} level={4} t={t} lang={lang} items={items} />
      {warnings > 0 && fmt(t.readinessWarnings, { n: warnings })}
    </Notice>
  );
}

function StatusText({ status, t, lang }: { status: FinaliseStatus; t: Messages; lang: Lang }) {
  const styles = useStyles();
  const record = status.record;
  const who = (name: string) => name || t.noName;
  if (!status.workbook) return null;
  const at = (iso: string) => <Time iso={iso} shown={shortDateTime(iso)} />;
  let text: ReactNode;
  if (!record || status.state === "draft") text = t.stateDraft;
  else if (status.state === "finalised") {
    text = (
      <Formatted
        template={t.stateFinalised}
        text={{
          by: who(record.finalisedBy),
          n: record.n,
          score: fixed(record.finalScore),
          grade: record.gradeLabel[lang],
        }}
        nodes={{ at: at(record.finalisedAt) }}
      />
    );
  } else {
    text = (
      <Formatted
        template={t.stateReopened}
        text={{ n: record.n, by: who(record.finalisedBy), reopenedBy: who(record.reopenedBy) }}
        nodes={{ at: at(record.finalisedAt), reopenedAt: at(record.reopenedAt) }}
      />
    );
  }
  return (
    <>
      <Body1 as="p" className={styles.text} data-state={status.state}>
        {text}
      </Body1>
      {status.review && status.review.state !== "draft" && status.review.state !== "finalised" && (
        <ReviewStateText review={status.review} t={t} />
      )}
      {status.review?.state === "draft" && status.review.reason && (
        <Body1 as="p" className={styles.text}>
          {fmt(t.reviewReason, { text: status.review.reason })}
        </Body1>
      )}
      {record && status.state === "finalised" && (
        <Caption1 as="p" className={styles.hash}>
          {fmt(t.entriesHash, { hash: record.entriesHash })}
        </Caption1>
      )}
      {status.problems.length > 0 && (
        <Notice intent="error" title={t.snapshotProblems}>
          <ul className={styles.list}>
            {status.problems.map((problem) => (
              <li key={problem.en}>{problem[lang]}</li>
            ))}
          </ul>
        </Notice>
      )}
    </>
  );
}
