import { useRef, useState, type FormEvent } from "react";
import { Checkbox, Field, Input } from "@fluentui/react-components";
import type { EvaluatorKind } from "../../../assessment/schema";
import { ReferencesAtRiskError } from "../../errors";
import { fmt } from "../../i18n";
import { ActionButton } from "../ActionButton";
import { ErrorBar } from "../ErrorBar";
import { Notice } from "../Notice";
import { focusSoon, useAction, usePane, useViewStatus } from "../PaneContext";
import { KindSelect } from "./KindSelect";
import { useGenerateStyles } from "./styles";

/**
 * On a workbook that has StarScore's sheets: add an auditor or visit column, keeping every entry.
 * Adding rebuilds StarScore's sheets: the form says first that Excel's undo history is cleared and,
 * when the user's own formulas or names refer to those sheets (ReferencesAtRiskError), names them
 * and offers to add anyway.
 */
export function AddEvaluatorForm({ onAdded }: { onAdded: () => void }) {
  const styles = useGenerateStyles();
  const { host, t, workbookChanged } = usePane();
  const setStatus = useViewStatus();
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
        logged: true,
      },
      (person) => host.addEvaluator(evaluator, { breakReferences, person }).then(() => true),
    );
    if (done) {
      setName("");
      setSubmitted(false);
      setBreakReferences(false);
      onAdded();
      workbookChanged();
      focusSoon(() => nameInput.current);
    } else {
      focusSoon(() => errorBar.current);
    }
  };
  return (
    <form className={styles.form} noValidate onSubmit={(e) => void submit(e)}>
      <Notice intent="info">
        {t.existsInfo} {t.undoCleared}
      </Notice>
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
        <Input
          ref={nameInput}
          value={name}
          onChange={(_, data) => {
            setName(data.value);
            if (submitted && data.value.trim()) setStatus(null);
          }}
        />
      </Field>
      <Field label={t.addKindLabel}>
        <KindSelect value={kind} onChange={setKind} t={t} />
      </Field>
      <div className={styles.actions}>
        <ActionButton type="submit" appearance="primary" action={add}>
          {t.addButton}
        </ActionButton>
      </div>
    </form>
  );
}
