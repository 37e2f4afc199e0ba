import { useCallback, useEffect, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { loadPersonName, MAX_PERSON_LENGTH, savePersonName } from "../actions/audit-log";
import type { FinaliseRecord, FinaliseStatus, PaneIssue } from "../actions/types";
import { ActionError } from "../errors";
import { fmt, type Lang, type Messages } from "../i18n";
import { BusyIcon } from "./BusyIcon";
import { DataTable } from "./DataTable";
import { ErrorBar } from "./ErrorBar";
import { IssueLink } from "./IssueLink";
import { focusSoon, useAction, usePane } from "./PaneContext";

const useStyles = makeStyles({
  heading: { margin: 0 },
  focusHeading: { ...typographyStyles.subtitle2, margin: 0 },
  text: { margin: 0 },
  hash: { margin: 0, wordBreak: "break-all", color: tokens.colorNeutralForeground3 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  list: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

type Pending = "finalise" | "reopen";

/** The errors an ActionError carries (finalise refused by validation), if any. */
function issuesOf(error: unknown): PaneIssue[] {
  return error instanceof ActionError ? [...error.issues] : [];
}

/**
 * 定稿 Finalise: who is acting (the name the audit log records, remembered between sessions), the
 * assessment's state (draft, finalised by whom and when, reopened), Finalise and Reopen with a
 * confirmation each, the errors that stop a finalisation, and the audit log's last rows. The state
 * is read when the tab is shown, after each action, and after the pane changed the workbook.
 */
export function FinaliseView({ active }: { active: boolean }) {
  const styles = useStyles();
  const { host, t, lang, workbookVersion } = usePane();
  const [person, setPerson] = useState(loadPersonName);
  const [personError, setPersonError] = useState(false);
  const [status, setStatusValue] = useState<FinaliseStatus | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [blocked, setBlocked] = useState<PaneIssue[]>([]);
  const reading = useAction();
  const action = useAction();
  const nameInput = useRef<HTMLInputElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
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

  useEffect(() => {
    if (active) void refresh();
  }, [active, workbookVersion, refresh]);

  const onName = (value: string) => {
    setPerson(value);
    savePersonName(value);
    if (value.trim()) setPersonError(false);
  };

  const ask = (what: Pending) => {
    if (!person.trim()) {
      setPersonError(true);
      focusSoon(() => nameInput.current);
      return;
    }
    setPending(what);
    focusSoon(() => confirmButton.current);
  };

  const confirm = async () => {
    const what = pending;
    if (!what) return;
    setPending(null);
    setBlocked([]);
    const name = person.trim();
    const result = await action.run<FinaliseRecord>(
      what === "finalise"
        ? {
            busy: (t) => t.finalising,
            done: (t, r, lang) =>
              fmt(t.finalisedDone, { score: r.finalScore.toFixed(2), grade: r.gradeLabel[lang] }),
            failed: "finaliseFailed",
          }
        : { busy: (t) => t.reopening, done: (t) => t.reopenedDone, failed: "reopenFailed" },
      () => (what === "finalise" ? host.finalise(name) : host.reopen(name)),
    );
    if (!result) focusSoon(() => errorBar.current);
    else focusSoon(() => statusHeading.current);
    await refresh();
  };

  useEffect(() => {
    setBlocked(action.failure ? issuesOf(action.failure.error) : []);
  }, [action.failure]);

  const state = status?.state;
  const canFinalise = !!status?.workbook && state !== "finalised";
  const canReopen = state === "finalised";

  return (
    <>
      <Subtitle1 as="h2" className={styles.heading}>
        {t.finaliseHeading}
      </Subtitle1>
      <Body1 as="p" className={styles.text}>
        {t.finaliseIntro}
      </Body1>
      <Field
        label={t.personLabel}
        hint={t.personHint}
        required
        validationState={personError ? "error" : "none"}
        validationMessage={personError ? t.personRequired : undefined}
      >
        <Input
          ref={nameInput}
          value={person}
          maxLength={MAX_PERSON_LENGTH}
          autoComplete="name"
          onChange={(_, data) => onName(data.value)}
        />
      </Field>

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
          <Button
            appearance="primary"
            disabledFocusable={action.running || !canFinalise}
            icon={action.running && pending === null ? <BusyIcon /> : undefined}
            onClick={() => ask("finalise")}
          >
            {t.finaliseButton}
          </Button>
          <Button disabledFocusable={action.running || !canReopen} onClick={() => ask("reopen")}>
            {t.reopenButton}
          </Button>
          <Button appearance="subtle" disabledFocusable={reading.running} onClick={() => void refresh()}>
            {t.finaliseRefresh}
          </Button>
        </div>
        {pending && (
          <MessageBar
            intent="warning"
            layout="multiline"
            role="alertdialog"
            aria-label={t[`${pending}Button`]}
          >
            <MessageBarBody>
              {fmt(pending === "finalise" ? t.finaliseConfirm : t.reopenConfirm, { name: person.trim() })}{" "}
              {t.undoCleared}
            </MessageBarBody>
            <MessageBarActions>
              <Button ref={confirmButton} appearance="primary" onClick={() => void confirm()}>
                {t.confirmButton}
              </Button>
              <Button onClick={() => setPending(null)}>{t.cancelButton}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {action.failure && <ErrorBar ref={errorBar} failure={action.failure} />}
        {blocked.length > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.finaliseBlocked}</MessageBarTitle>
              <ul className={styles.list}>
                {blocked.map((issue, i) => (
                  <li key={`${i}-${issue.code}-${issue.cell ?? ""}`}>
                    <IssueLink text={issue.message[lang]} cell={issue.cell} />
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </section>

      {status?.workbook && <AuditLog status={status} t={t} />}
    </>
  );
}

function StatusText({ status, t, lang }: { status: FinaliseStatus; t: Messages; lang: Lang }) {
  const styles = useStyles();
  const record = status.record;
  const who = (name: string) => name || t.noName;
  let text: string;
  if (!status.workbook) text = t.stateNoWorkbook;
  else if (!record || status.state === "draft") text = t.stateDraft;
  else if (status.state === "finalised") {
    text = fmt(t.stateFinalised, {
      by: who(record.finalisedBy),
      at: record.finalisedAt,
      n: record.n,
      score: record.finalScore.toFixed(2),
      grade: record.gradeLabel[lang],
    });
  } else {
    text = fmt(t.stateReopened, {
      n: record.n,
      by: who(record.finalisedBy),
      at: record.finalisedAt,
      reopenedBy: who(record.reopenedBy),
      reopenedAt: record.reopenedAt,
    });
  }
  return (
    <>
      <Body1 as="p" className={styles.text} data-state={status.workbook ? status.state : "none"}>
        {text}
      </Body1>
      {record && status.state === "finalised" && (
        <Caption1 as="p" className={styles.hash}>
          {fmt(t.entriesHash, { hash: record.entriesHash })}
        </Caption1>
      )}
      {status.problems.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.snapshotProblems}</MessageBarTitle>
            <ul className={styles.list}>
              {status.problems.map((problem) => (
                <li key={problem.en}>{problem[lang]}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function AuditLog({ status, t }: { status: FinaliseStatus; t: Messages }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="starscore-audit-log">
      <Subtitle2 as="h3" id="starscore-audit-log" className={styles.heading}>
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
          labelledBy="starscore-audit-log"
          rows={status.log}
          rowKey={(row, i) => `${i}-${row.time}`}
          columns={[
            { header: t.colTime, cell: (row) => row.time },
            { header: t.colPerson, cell: (row) => row.person },
            { header: t.colAction, cell: (row) => row.action },
            { header: t.colSummary, cell: (row) => row.summary },
          ]}
        />
      )}
    </section>
  );
}
