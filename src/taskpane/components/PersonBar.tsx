import { useEffect, useId, useRef, useState } from "react";
import { Button, Caption1, Field, Input, Link, makeStyles, tokens } from "@fluentui/react-components";
import { MAX_PERSON_LENGTH } from "../actions/audit-log";
import { fmt, type Messages } from "../i18n";
import { focusSoon } from "./PaneContext";

const useStyles = makeStyles({
  line: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  // The field and its Done button on one line; the hint under both.
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  field: { flex: "1 1 auto", minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface PersonBarProps {
  person: string;
  onChange: (name: string) => void;
  /** Whether the field is open (it is until a name is entered, and when an action asks for it). */
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
  /** Bumped when an action asks for the name: the field takes the focus. */
  prompt: number;
  t: Messages;
}

/**
 * Who is acting: the one place the pane asks for the name the audit log records with every logged
 * action (saved as it is typed). Open until a name is entered; then one line, "Acting as 王组长",
 * with a Change button.
 */
export function PersonBar({ person, onChange, editing, onEditingChange, prompt, t }: PersonBarProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const change = useRef<HTMLButtonElement>(null);
  const actingId = useId();
  const hintId = useId();
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (prompt > 0) {
      setMissing(person.trim() === "");
      focusSoon(() => input.current);
    }
    // Only a new prompt moves the focus, not typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prompt]);

  const done = () => {
    if (person.trim() === "") {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setMissing(false);
    onEditingChange(false);
    focusSoon(() => change.current);
  };

  if (!editing && person.trim() !== "") {
    return (
      <div className={styles.line}>
        <Caption1 id={actingId}>{fmt(t.personActing, { name: person.trim() })}</Caption1>
        <Link
          as="button"
          ref={change}
          aria-describedby={actingId}
          onClick={() => {
            onEditingChange(true);
            focusSoon(() => input.current);
          }}
        >
          {t.personChange}
        </Link>
      </div>
    );
  }
  return (
    <div className={styles.form}>
      <div className={styles.row}>
        <Field
          className={styles.field}
          label={t.personLabel}
          required
          validationState={missing ? "error" : "none"}
          validationMessage={missing ? t.personRequired : undefined}
        >
          <Input
            ref={input}
            value={person}
            maxLength={MAX_PERSON_LENGTH}
            autoComplete="name"
            aria-describedby={hintId}
            onChange={(_, data) => {
              onChange(data.value);
              if (data.value.trim()) setMissing(false);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter") done();
            }}
          />
        </Field>
        <Button onClick={done}>{t.personDone}</Button>
      </div>
      <Caption1 id={hintId} className={styles.hint}>
        {t.personHint}
      </Caption1>
    </div>
  );
}
