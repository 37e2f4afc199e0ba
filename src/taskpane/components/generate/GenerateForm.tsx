import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Purpose } from "../../../assessment/schema";
import { ASSESSMENT_TYPES, RULES, type AssessmentType, type Step } from "../../../spec/rules";
import { TEXT } from "../../../workbook/labels";
import { LANGS, fmt, htmlLang, type Lang, type Messages } from "../../i18n";
import {
  evaluatorNames,
  generateRequest,
  initialForm,
  normaliseDate,
  NEXT_AUDIT_TYPES,
  startFromPrevious,
  validateForm,
  withoutPrevious,
  withPurpose,
  type FieldError,
  type FormErrors,
  type GenerateFormState,
} from "../../model/generate-form";
import type { ChosenFile } from "../../actions/types";
import { ActionButton } from "../ActionButton";
import { ErrorBar } from "../ErrorBar";
import { FileChooser } from "../FileChooser";
import { Notice } from "../Notice";
import { useAction, usePane, useViewStatus } from "../PaneContext";
import { useGenerateStyles } from "./styles";
import { TeamFieldset, type TeamFieldsetHandle } from "./TeamFieldset";

const useStyles = makeStyles({
  dates: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  dateField: { flex: "1 1 140px", minWidth: 0 },
  // Fluent's Input is as wide as its input's default size (about 200 px) unless told otherwise.
  dateInput: { minWidth: 0, width: "100%" },
});

type Action = ReturnType<typeof useAction>;

/** What the last generation made, for the view's success message. */
export interface Generated {
  columns: number;
  skipped: string[];
}

const NO_ERRORS: FormErrors = { rows: {}, count: 0 };

/**
 * The form that makes a new workbook: the organisation, the assessment type and dates, the team,
 * the entry step and the workbook's language. Errors show once the user tries to generate; the
 * status line counts them and follows as they are corrected.
 */
export function GenerateForm({
  generate,
  onGenerated,
}: {
  generate: Action;
  onGenerated: (result: Generated | undefined) => void;
}) {
  const styles = useStyles();
  const shared = useGenerateStyles();
  const { host, t, lang } = usePane();
  const setStatus = useViewStatus();
  const [form, setForm] = useState<GenerateFormState>(initialForm);
  const [chosenLang, setChosenLang] = useState<Lang | null>(null);
  const workbookLang = chosenLang ?? lang;
  const [submitted, setSubmitted] = useState(false);
  const team = useRef<TeamFieldsetHandle>(null);
  const organisationInput = useRef<HTMLInputElement>(null);
  const startInput = useRef<HTMLInputElement>(null);
  const endInput = useRef<HTMLInputElement>(null);
  // "Start from the previous audit": reading the chosen workbook (no Excel: the host's reader).
  const start = useAction();
  const types = form.previous
    ? ASSESSMENT_TYPES.filter((type) => (NEXT_AUDIT_TYPES as readonly AssessmentType[]).includes(type.id))
    : ASSESSMENT_TYPES;

  const onPrevious = async (file: ChosenFile) => {
    const next = await start.run(
      {
        busy: (t) => fmt(t.startFromReading, { name: file.name }),
        done: (t) => fmt(t.startFromDone, { name: file.name }),
        failed: "startFromFailed",
      },
      () => host.startFrom(file),
    );
    if (next) setForm((f) => startFromPrevious(f, file.name, next));
  };

  const errors = validateForm(form, workbookLang);
  const shown = submitted ? errors : NO_ERRORS;
  const names = evaluatorNames(form.rows, workbookLang);
  const update = (patch: Partial<GenerateFormState>) => setForm((f) => ({ ...f, ...patch }));
  const message = (error: FieldError | undefined) => error && fmt(t[error.key], error.params ?? {});

  // Once errors are shown, the status line follows them: a count while some remain, nothing after.
  const count = shown.count;
  const counted = useRef(0);
  useEffect(() => {
    if (count > 0) setStatus({ busy: false, text: (t) => fmt(t.formHasErrors, { n: count }) });
    else if (counted.current > 0) setStatus(null);
    counted.current = count;
  }, [count, setStatus]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (errors.count > 0) {
      const firstRow = form.rows.find((r) => errors.rows[r.id] !== undefined);
      if (errors.organization) organisationInput.current?.focus();
      else if (errors.start) startInput.current?.focus();
      else if (errors.end) endInput.current?.focus();
      else if (errors.team) team.current?.focusAdd();
      else if (firstRow) team.current?.focusRow(firstRow.id);
      return;
    }
    const request = generateRequest(form, workbookLang);
    const columns = request.evaluators.length;
    const result = await generate.run(
      {
        busy: (t) => t.generating,
        done: (t) => fmt(t.generated, { n: columns }),
        failed: "generateFailed",
        logged: true,
      },
      (person) => host.generate(request, person),
    );
    onGenerated(result && { columns, skipped: result.skipped });
  };

  const dateField = (
    key: "start" | "end",
    label: string,
    input: React.RefObject<HTMLInputElement | null>,
  ) => (
    <Field
      label={label}
      hint={t.dateHint}
      className={styles.dateField}
      validationMessage={message(shown[key])}
      validationState={shown[key] ? "error" : "none"}
    >
      <Input
        ref={input}
        className={styles.dateInput}
        value={form[key]}
        placeholder={t.datePlaceholder}
        autoComplete="off"
        onChange={(_, data) => update({ [key]: data.value })}
        // A date typed as 2026/3/2 becomes 2026-03-02 once the field is left.
        onBlur={() => {
          const normal = normaliseDate(form[key]);
          if (normal !== null && normal !== form[key]) update({ [key]: normal });
        }}
      />
    </Field>
  );

  return (
    <form
      className={shared.form}
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-describedby="starscore-generate-intro"
    >
      <Body1 as="p" id="starscore-generate-intro" className={shared.text}>
        {t.generateIntro} {t.undoCleared}
      </Body1>
      <FileChooser
        label={t.startFromLabel}
        hint={t.startFromHint}
        disabled={start.blocked || start.running || generate.running}
        onChosen={([file]) => void onPrevious(file!)}
      />
      {start.failure && <ErrorBar failure={start.failure} level={3} />}
      {form.previous && (
        <Notice
          intent="info"
          actions={
            <Button size="small" onClick={() => setForm(withoutPrevious)}>
              {t.startFromClear}
            </Button>
          }
        >
          {fmt(t.startFromCarried, { name: form.previous.name, n: form.previous.followUp.length })}
        </Notice>
      )}
      <Field
        label={t.organisationLabel}
        required
        validationMessage={message(shown.organization)}
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
          {types.map((type) => (
            <option key={type.id} value={type.id}>
              {type.label[lang]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.purposeLabel}>
        <RadioGroup value={form.purpose} onChange={(_, data) => update(withPurpose(data.value as Purpose))}>
          <Radio value="certification" label={TEXT.purposeCertification[lang]} />
          <Radio value="self-assessment" label={TEXT.purposeSelfAssessment[lang]} />
        </RadioGroup>
      </Field>
      <Field hint={t.planSheetHint}>
        <Checkbox
          checked={form.plan}
          label={t.planSheetLabel}
          onChange={(_, data) => update({ plan: data.checked === true })}
        />
      </Field>
      <div className={styles.dates}>
        {dateField("start", t.startDateLabel, startInput)}
        {dateField("end", t.endDateLabel, endInput)}
      </div>

      <TeamFieldset
        ref={team}
        rows={form.rows}
        names={names}
        errors={shown}
        onChange={(rows) => update({ rows })}
        t={t}
      />

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
      <WorkbookLanguage value={workbookLang} onChange={setChosenLang} t={t} />
      <div className={shared.actions}>
        <ActionButton type="submit" appearance="primary" action={generate}>
          {t.generateButton}
        </ActionButton>
      </div>
    </form>
  );
}

function WorkbookLanguage({
  value,
  onChange,
  t,
}: {
  value: Lang;
  onChange: (lang: Lang) => void;
  t: Messages;
}) {
  return (
    <Field label={t.workbookLangLabel} hint={t.workbookLangHint}>
      <RadioGroup layout="horizontal" value={value} onChange={(_, data) => onChange(data.value as Lang)}>
        {LANGS.map((option) => (
          <Radio
            key={option}
            value={option}
            lang={htmlLang(option)}
            label={option === "zh" ? t.languageZh : t.languageEn}
          />
        ))}
      </RadioGroup>
    </Field>
  );
}
