import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  SpinButton,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { EvaluatorKind } from "../../../assessment/schema";
import { MAX_EVALUATORS } from "../../../workbook/limits";
import { fmt, type Messages } from "../../i18n";
import {
  DEFAULT_VISITS_TO_ADD,
  removeRow,
  teamCounts,
  type EvaluatorRow,
  type FormErrors,
} from "../../model/generate-form";
import { Notice } from "../Notice";
import { useGenerateStyles } from "./styles";
import { KindSelect } from "./KindSelect";

const useStyles = makeStyles({
  team: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    minWidth: 0,
  },
  rows: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  // One evaluator column: its name, and its kind with its Remove button beside it, so that the
  // button stays on its row when a narrow pane wraps the row.
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  nameField: { flex: "1 1 150px", minWidth: 0 },
  kindAndRemove: {
    display: "flex",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalXS,
    flex: "0 0 auto",
  },
  kindField: { width: "110px" },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  visitsField: { width: "110px" },
});

export interface TeamFieldsetProps {
  rows: readonly EvaluatorRow[];
  /** The names each row will have (blank visits numbered), for the placeholders. */
  names: readonly string[];
  errors: FormErrors;
  onChange: (rows: EvaluatorRow[]) => void;
  t: Messages;
}

/** What the form moves the focus to when it finds errors. */
export interface TeamFieldsetHandle {
  focusRow: (id: number) => void;
  focusAdd: () => void;
}

/**
 * 评价组: one row per evaluator column (name, kind, Remove; the last row cannot be removed), and
 * buttons to add an auditor or several visits at once.
 */
export const TeamFieldset = forwardRef<TeamFieldsetHandle, TeamFieldsetProps>(function TeamFieldset(
  { rows, names, errors, onChange, t },
  ref,
) {
  const styles = useStyles();
  const shared = useGenerateStyles();
  const nextId = useRef(Math.max(0, ...rows.map((r) => r.id)) + 1);
  const inputs = useRef(new Map<number, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const [visitsToAdd, setVisitsToAdd] = useState(DEFAULT_VISITS_TO_ADD);
  const [focusRow, setFocusRow] = useState<number | null>(null);

  useImperativeHandle(ref, () => ({
    focusRow: (id) => inputs.current.get(id)?.focus(),
    focusAdd: () => addButton.current?.focus(),
  }));

  useEffect(() => {
    if (focusRow === null) return;
    inputs.current.get(focusRow)?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const update = (id: number, patch: Partial<EvaluatorRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const add = (kind: EvaluatorKind, count: number) => {
    const added = Array.from({ length: count }, () => ({ id: nextId.current++, name: "", kind }));
    onChange([...rows, ...added]);
    if (added[0]) setFocusRow(added[0].id);
  };
  const remove = (index: number) => {
    const next = removeRow(rows, index);
    onChange(next);
    setFocusRow(next[Math.min(index, next.length - 1)]?.id ?? null);
  };

  return (
    <fieldset className={styles.team} aria-describedby="starscore-team-hint starscore-team-count">
      <legend>
        <Subtitle2>{t.evaluatorsHeading}</Subtitle2>
      </legend>
      <Body1 as="p" id="starscore-team-hint" className={shared.text}>
        {t.evaluatorsHint}
      </Body1>
      <ul className={styles.rows}>
        {rows.map((row, index) => {
          const n = index + 1;
          const error = errors.rows[row.id];
          return (
            <li key={row.id} className={styles.row}>
              <Field
                className={styles.nameField}
                label={fmt(t.evaluatorNameLabel, { n })}
                required={row.kind === "auditor"}
                validationMessage={error && fmt(t[error.key], error.params ?? {})}
                validationState={error ? "error" : "none"}
              >
                <Input
                  ref={(el) => {
                    if (el) inputs.current.set(row.id, el);
                    else inputs.current.delete(row.id);
                  }}
                  value={row.name}
                  placeholder={row.kind === "visit" ? names[index] : undefined}
                  onChange={(_, data) => update(row.id, { name: data.value })}
                />
              </Field>
              <div className={styles.kindAndRemove}>
                <Field className={styles.kindField} label={fmt(t.evaluatorKindLabel, { n })}>
                  <KindSelect value={row.kind} onChange={(kind) => update(row.id, { kind })} t={t} />
                </Field>
                {rows.length > 1 && (
                  // The visible word starts the accessible name ("删除第 1 列"), which says which row.
                  <Button
                    appearance="subtle"
                    aria-label={fmt(t.removeEvaluator, { n })}
                    onClick={() => remove(index)}
                  >
                    {t.remove}
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {errors.team && <Notice intent="error">{fmt(t[errors.team.key], errors.team.params ?? {})}</Notice>}
      <Body1 as="p" id="starscore-team-count" className={shared.text}>
        {fmt(t.evaluatorCount, teamCounts(rows))}
      </Body1>
      <div className={styles.toolbar}>
        <Button ref={addButton} onClick={() => add("auditor", 1)}>
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
        <Button onClick={() => add("visit", visitsToAdd)}>{t.quickVisitsButton}</Button>
      </div>
    </fieldset>
  );
});
