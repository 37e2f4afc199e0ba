import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  SpinButton,
  Spinner,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { EvaluatorKind } from "../../assessment/schema";
import { ReferencesAtRiskError } from "../errors";
import { ASSESSMENT_TYPES, RULES, type AssessmentType, type Step } from "../../spec/rules";
import type { GenerateRequest } from "../actions/types";
import { LANGS, fmt, messages, type Lang, type Messages } from "../i18n";
import { BusyIcon } from "./BusyIcon";
import { ErrorBar } from "./ErrorBar";
import { focusSoon, useAction, usePane } from "./PaneContext";

/** The Scoring sheet's limit (src/workbook/scoring-grid.ts MAX_EVALUATORS, not imported: it is not pane code). */
export const MAX_EVALUATORS = 200;

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  text: { margin: 0 },
  dates: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  dateField: { flex: "1 1 140px" },
  team: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
  },
  rows: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  nameField: { flex: "2 1 140px" },
  kindField: { flex: "1 1 90px" },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  visitsField: { width: "110px" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

interface Row {
  id: number;
  name: string;
  kind: EvaluatorKind;
}

interface FormState {
  organization: string;
  type: AssessmentType;
  start: string;
  end: string;
  rows: Row[];
  step: Step;
}

export interface FormErrors {
  organization?: string;
  end?: string;
  team?: string;
  rows: Record<number, string>;
  count: number;
}

/** The visit names a blank visit gets: "暗访 1", "Visit 2"… numbered among the visits, in the workbook's language. */
export function evaluatorNames(rows: readonly Row[], workbookLang: Lang): string[] {
  let visits = 0;
  return rows.map((row) => {
    if (row.kind === "visit") visits++;
    const name = row.name.trim();
    return name || (row.kind === "visit" ? fmt(messages[workbookLang].defaultVisitName, { n: visits }) : "");
  });
}

/** Client-side checks before anything is sent to Excel; the messages are in the pane's language. */
export function validateForm(form: FormState, t: Messages, workbookLang: Lang): FormErrors {
  const errors: FormErrors = { rows: {}, count: 0 };
  if (!form.organization.trim()) errors.organization = t.organisationRequired;
  if (form.start && form.end && form.end < form.start) errors.end = t.endBeforeStart;
  if (form.rows.length === 0) errors.team = t.evaluatorsNone;
  else if (form.rows.length > MAX_EVALUATORS)
    errors.team = fmt(t.evaluatorsTooMany, { max: MAX_EVALUATORS, n: form.rows.length });
  const names = evaluatorNames(form.rows, workbookLang);
  const seen = new Map<string, number>();
  for (const name of names) {
    const key = name.toLocaleLowerCase();
    if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  form.rows.forEach((row, i) => {
    const name = names[i] ?? "";
    if (!name) errors.rows[row.id] = t.auditorNameRequired;
    else if ((seen.get(name.toLocaleLowerCase()) ?? 0) > 1) errors.rows[row.id] = t.nameDuplicate;
  });
  errors.count =
    Number(errors.organization !== undefined) +
    Number(errors.end !== undefined) +
    Number(errors.team !== undefined) +
    Object.keys(errors.rows).length;
  return errors;
}

type WorkbookState = "checking" | "absent" | "present" | "unknown";

type Action = ReturnType<typeof useAction>;

/** What the last generation made: shown as a success message above the add-an-evaluator form. */
interface Generated {
  columns: number;
  skipped: string[];
}

export function GenerateView({ active }: { active: boolean }) {
  const { host, t, workbookVersion, workbookChanged } = usePane();
  const [workbook, setWorkbook] = useState<WorkbookState>("checking");
  const [generated, setGenerated] = useState<Generated | null>(null);
  const check = useAction();
  // Generating lives here, not in the form: its error (the workbook exists) outlives the form.
  const generate = useAction();
  const styles = useStyles();
  const errorBar = useRef<HTMLDivElement>(null);
  const successBar = useRef<HTMLDivElement>(null);

  const { run: runCheck } = check;
  const recheck = useCallback(async () => {
    const present = await runCheck(
      { busy: (t) => t.checkingWorkbook, failed: "checkWorkbookFailed", quiet: true },
      () => host.hasWorkbook(),
    );
    setWorkbook(present === undefined ? "unknown" : present ? "present" : "absent");
  }, [host, runCheck]);

  useEffect(() => {
    if (active) void recheck();
  }, [active, recheck, workbookVersion]);

  const onGenerated = (result: Generated | undefined) => {
    if (result) {
      setGenerated(result);
      setWorkbook("present");
      workbookChanged();
      focusSoon(() => successBar.current);
    } else {
      setGenerated(null);
      // A workbook that already has StarScore's sheets offers the add-an-evaluator form instead.
      void recheck().then(() => focusSoon(() => errorBar.current));
    }
  };

  return (
    <>
      <Subtitle1 as="h2" className={styles.heading}>
        {workbook === "present" ? t.existsHeading : t.generateHeading}
      </Subtitle1>
      {check.failure && (
        <>
          <ErrorBar failure={check.failure} />
          <div>
            <Button onClick={() => void recheck()}>{t.retry}</Button>
          </div>
        </>
      )}
      {generate.failure && <ErrorBar ref={errorBar} failure={generate.failure} />}
      {generated && (
        <MessageBar ref={successBar} tabIndex={-1} intent="success" layout="multiline">
          <MessageBarBody>
            {fmt(t.generated, { n: generated.columns })}
            {generated.skipped.length > 0 &&
              ` ${fmt(t.generatedSkipped, { list: generated.skipped.join(t.listSeparator) })}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {workbook === "checking" && check.running && <Spinner size="tiny" label={t.checkingWorkbook} />}
      {workbook === "present" ? (
        <AddEvaluatorForm onAdded={() => setGenerated(null)} />
      ) : (
        workbook !== "checking" && <GenerateForm generate={generate} onGenerated={onGenerated} />
      )}
    </>
  );
}

function GenerateForm({
  generate,
  onGenerated,
}: {
  generate: Action;
  onGenerated: (result: Generated | undefined) => void;
}) {
  const styles = useStyles();
  const { host, t, lang, setStatus } = usePane();
  const [form, setForm] = useState<FormState>(() => ({
    organization: "",
    type: "initial",
    start: "",
    end: "",
    rows: [{ id: 1, name: "", kind: "auditor" }],
    step: RULES.defaultStep,
  }));
  const [chosenLang, setChosenLang] = useState<Lang | null>(null);
  const workbookLang = chosenLang ?? lang;
  const [visitsToAdd, setVisitsToAdd] = useState(3);
  const [submitted, setSubmitted] = useState(false);
  const nextId = useRef(2);
  const inputs = useRef(new Map<number, HTMLInputElement>());
  const [focusRow, setFocusRow] = useState<number | "add" | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const organisationInput = useRef<HTMLInputElement>(null);
  const endInput = useRef<HTMLInputElement>(null);

  const errors = validateForm(form, t, workbookLang);
  const shown: FormErrors = submitted ? errors : { rows: {}, count: 0 };
  const names = evaluatorNames(form.rows, workbookLang);
  const auditors = form.rows.filter((r) => r.kind === "auditor").length;

  useEffect(() => {
    if (focusRow === null) return;
    (focusRow === "add" ? addButton.current : inputs.current.get(focusRow))?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const update = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const updateRow = (id: number, patch: Partial<Row>) =>
    setForm((f) => ({ ...f, rows: f.rows.map((r) => (r.id === id ? { ...r, ...patch } : r)) }));
  const addRows = (kind: EvaluatorKind, count: number) => {
    const added = Array.from({ length: count }, () => ({ id: nextId.current++, name: "", kind }));
    setForm((f) => ({ ...f, rows: [...f.rows, ...added] }));
    if (added[0]) setFocusRow(added[0].id);
  };
  const removeRow = (index: number) => {
    const rows = form.rows.filter((_, i) => i !== index);
    update({ rows });
    setFocusRow(rows[Math.min(index, rows.length - 1)]?.id ?? "add");
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (errors.count > 0) {
      setStatus({ busy: false, text: (t) => fmt(t.formHasErrors, { n: errors.count }) });
      const firstRow = form.rows.find((r) => errors.rows[r.id] !== undefined);
      const target = errors.organization
        ? organisationInput.current
        : errors.end
          ? endInput.current
          : errors.team
            ? addButton.current
            : firstRow && inputs.current.get(firstRow.id);
      target?.focus();
      return;
    }
    const dates = { ...(form.start && { start: form.start }), ...(form.end && { end: form.end }) };
    const request: GenerateRequest = {
      lang: workbookLang,
      organization: form.organization.trim(),
      type: form.type,
      ...(Object.keys(dates).length > 0 && { dates }),
      step: form.step,
      evaluators: form.rows.map((row, i) => ({ name: names[i] ?? "", kind: row.kind })),
    };
    const columns = request.evaluators.length;
    const result = await generate.run(
      {
        busy: (t) => t.generating,
        done: (t, r) =>
          [
            fmt(t.generated, { n: columns }),
            ...(r.skipped.length ? [fmt(t.generatedSkipped, { list: r.skipped.join(t.listSeparator) })] : []),
          ].join(" "),
        failed: "generateFailed",
      },
      () => host.generate(request),
    );
    onGenerated(result && { columns, skipped: result.skipped });
  };

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-describedby="starscore-generate-intro"
    >
      <Body1 as="p" id="starscore-generate-intro" className={styles.text}>
        {t.generateIntro} {t.undoCleared}
      </Body1>
      <Field
        label={t.organisationLabel}
        required
        validationMessage={shown.organization}
        validationState={shown.organization ? "error" : "none"}
      >
        <Input
          ref={organisationInput}
          value={form.organization}
          onChange={(_, data) => update({ organization: data.value })}
        />
      </Field>
      <Field label={t.typeLabel}>
        <Select value={form.type} onChange={(_, data) => update({ type: data.value as AssessmentType })}>
          {ASSESSMENT_TYPES.map((type) => (
            <option key={type.id} value={type.id}>
              {type.label[lang]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.dates}>
        <Field label={t.startDateLabel} className={styles.dateField}>
          <Input type="date" value={form.start} onChange={(_, data) => update({ start: data.value })} />
        </Field>
        <Field
          label={t.endDateLabel}
          className={styles.dateField}
          validationMessage={shown.end}
          validationState={shown.end ? "error" : "none"}
        >
          <Input
            ref={endInput}
            type="date"
            value={form.end}
            min={form.start || undefined}
            onChange={(_, data) => update({ end: data.value })}
          />
        </Field>
      </div>

      <fieldset className={styles.team} aria-describedby="starscore-team-hint starscore-team-count">
        <legend>
          <Subtitle2>{t.evaluatorsHeading}</Subtitle2>
        </legend>
        <Body1 as="p" id="starscore-team-hint" className={styles.text}>
          {t.evaluatorsHint}
        </Body1>
        <ul className={styles.rows}>
          {form.rows.map((row, index) => {
            const n = index + 1;
            const error = shown.rows[row.id];
            const placeholder = row.kind === "visit" ? names[index] : undefined;
            return (
              <li key={row.id} className={styles.row}>
                <Field
                  className={styles.nameField}
                  label={fmt(t.evaluatorNameLabel, { n })}
                  required={row.kind === "auditor"}
                  validationMessage={
                    error ??
                    (row.kind === "visit" && !row.name.trim()
                      ? fmt(t.visitNameHint, { name: placeholder ?? "" })
                      : undefined)
                  }
                  validationState={error ? "error" : "none"}
                >
                  <Input
                    ref={(el) => {
                      if (el) inputs.current.set(row.id, el);
                      else inputs.current.delete(row.id);
                    }}
                    value={row.name}
                    placeholder={placeholder}
                    onChange={(_, data) => updateRow(row.id, { name: data.value })}
                  />
                </Field>
                <Field className={styles.kindField} label={fmt(t.evaluatorKindLabel, { n })}>
                  <Select
                    value={row.kind}
                    onChange={(_, data) => updateRow(row.id, { kind: data.value as EvaluatorKind })}
                  >
                    <option value="auditor">{t.kindAuditor}</option>
                    <option value="visit">{t.kindVisit}</option>
                  </Select>
                </Field>
                {/* The visible word starts the accessible name ("删除第 1 列"), which says which row. */}
                <Button
                  appearance="subtle"
                  aria-label={fmt(t.removeEvaluator, { n })}
                  onClick={() => removeRow(index)}
                >
                  {t.remove}
                </Button>
              </li>
            );
          })}
        </ul>
        {shown.team && (
          <MessageBar layout="multiline" intent="error">
            <MessageBarBody>{shown.team}</MessageBarBody>
          </MessageBar>
        )}
        <Body1 as="p" id="starscore-team-count" className={styles.text}>
          {fmt(t.evaluatorCount, { n: form.rows.length, auditors, visits: form.rows.length - auditors })}
        </Body1>
        <div className={styles.toolbar}>
          <Button ref={addButton} onClick={() => addRows("auditor", 1)}>
            {t.addAuditor}
          </Button>
          <Field label={t.quickVisitsLabel} className={styles.visitsField}>
            <SpinButton
              min={1}
              max={MAX_EVALUATORS}
              value={visitsToAdd}
              onChange={(_, data) => {
                const value = data.value ?? Number.parseInt(data.displayValue ?? "", 10);
                if (Number.isFinite(value))
                  setVisitsToAdd(Math.min(MAX_EVALUATORS, Math.max(1, Math.round(value))));
              }}
            />
          </Field>
          <Button onClick={() => addRows("visit", visitsToAdd)}>{t.quickVisitsButton}</Button>
        </div>
      </fieldset>

      <Field label={t.stepLabel} hint={t.stepHint}>
        <RadioGroup
          layout="horizontal"
          value={String(form.step)}
          onChange={(_, data) => update({ step: Number(data.value) as Step })}
        >
          {RULES.steps.map((step) => (
            <Radio key={step} value={String(step)} label={fmt(t.stepOption, { n: step })} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t.workbookLangLabel} hint={t.workbookLangHint}>
        <RadioGroup
          layout="horizontal"
          value={workbookLang}
          onChange={(_, data) => setChosenLang(data.value as Lang)}
        >
          {LANGS.map((option) => (
            <Radio
              key={option}
              value={option}
              lang={option === "zh" ? "zh-CN" : "en"}
              label={option === "zh" ? t.languageZh : t.languageEn}
            />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={generate.running}
          icon={generate.running ? <BusyIcon /> : undefined}
        >
          {t.generateButton}
        </Button>
      </div>
    </form>
  );
}

function AddEvaluatorForm({ onAdded }: { onAdded: () => void }) {
  const styles = useStyles();
  const { host, t, setStatus, workbookChanged } = usePane();
  const add = useAction();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<EvaluatorKind>("auditor");
  const [submitted, setSubmitted] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const errorBar = useRef<HTMLDivElement>(null);
  const error = kind === "auditor" && !name.trim() ? t.auditorNameRequired : undefined;
  const shownError = submitted ? error : undefined;

  const [breakReferences, setBreakReferences] = useState(false);
  const atRisk = add.failure?.error instanceof ReferencesAtRiskError;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (error) {
      setStatus({ busy: false, text: (t) => fmt(t.formHasErrors, { n: 1 }) });
      nameInput.current?.focus();
      return;
    }
    const evaluator = { name: name.trim(), kind };
    const done = await add.run(
      {
        busy: (t) => t.adding,
        done: (t) => (evaluator.name ? fmt(t.added, { name: evaluator.name }) : t.addedVisit),
        failed: "addFailed",
      },
      () => host.addEvaluator(evaluator, { breakReferences }).then(() => true),
    );
    if (done) {
      setName("");
      setSubmitted(false);
      onAdded();
      workbookChanged();
      focusSoon(() => nameInput.current);
    } else {
      focusSoon(() => errorBar.current);
    }
  };
  return (
    <form className={styles.form} noValidate onSubmit={(e) => void submit(e)}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          {t.existsInfo} {t.undoCleared}
        </MessageBarBody>
      </MessageBar>
      {add.failure && <ErrorBar ref={errorBar} failure={add.failure} />}
      {atRisk && (
        <Checkbox
          checked={breakReferences}
          label={t.rebuildAnyway}
          onChange={(_, data) => setBreakReferences(data.checked === true)}
        />
      )}
      <Field
        label={t.addNameLabel}
        required={kind === "auditor"}
        validationMessage={shownError ?? (kind === "visit" ? t.addVisitHint : undefined)}
        validationState={shownError ? "error" : "none"}
      >
        <Input ref={nameInput} value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label={t.addKindLabel}>
        <Select value={kind} onChange={(_, data) => setKind(data.value as EvaluatorKind)}>
          <option value="auditor">{t.kindAuditor}</option>
          <option value="visit">{t.kindVisit}</option>
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={add.running}
          icon={add.running ? <BusyIcon /> : undefined}
        >
          {t.addButton}
        </Button>
      </div>
    </form>
  );
}
