import { useId, useRef, useState } from "react";
import { Button, Caption1, Field, makeStyles, tokens } from "@fluentui/react-components";
import type { ChosenFile } from "../actions/types";
import { usePane } from "./PaneContext";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere", minWidth: 0 },
});

/**
 * A workbook file to choose from disk. The browser's own file input says "Choose File" and "No file
 * chosen" in the browser's language, not the pane's; so the control is a Fluent button in the pane's
 * words (Tab to it, Enter or Space opens the browser's file dialog) that clicks the hidden input
 * (accepting .xlsx), with the chosen file's name beside it. The button is named by the field's label
 * and its own text, and described by the hint and the file's name. The file is read with
 * File.arrayBuffer() and handed on as a ChosenFile; choosing the same file again (after editing it)
 * chooses it again.
 */
export function FileChooser({
  label,
  hint,
  disabled,
  onChosen,
}: {
  label: string;
  hint: string;
  disabled?: boolean;
  onChosen: (file: ChosenFile) => void;
}) {
  const styles = useStyles();
  const { t } = usePane();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const buttonId = useId();
  const nameId = useId();
  return (
    <Field label={label} hint={hint}>
      {(props) => (
        <div className={styles.row}>
          <Button
            {...props}
            id={buttonId}
            aria-labelledby={`${props["aria-labelledby"] ?? ""} ${buttonId}`.trim()}
            aria-describedby={`${props["aria-describedby"] ?? ""} ${nameId}`.trim()}
            disabled={disabled}
            onClick={() => input.current?.click()}
          >
            {t.chooseFile}
          </Button>
          <Caption1 id={nameId} className={styles.name}>
            {chosen ?? t.noFileChosen}
          </Caption1>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            tabIndex={-1}
            onChange={(event) => {
              const target = event.currentTarget;
              const file = target.files?.[0];
              if (!file) return;
              void file.arrayBuffer().then((buffer) => {
                // Cleared, so that choosing the same file again fires change again.
                target.value = "";
                setChosen(file.name);
                onChosen({ name: file.name, data: new Uint8Array(buffer) });
              });
            }}
          />
        </div>
      )}
    </Field>
  );
}
