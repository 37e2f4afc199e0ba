import { useId, useRef, useState, type Ref } from "react";
import { Button, Caption1, Field, makeStyles, tokens } from "@fluentui/react-components";
import type { ChosenFile } from "../actions/types";
import { usePane } from "./PaneContext";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere", minWidth: 0 },
});

/** A chosen file's bytes (File.arrayBuffer where the browser has it, FileReader otherwise). */
export function bytesOf(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * Workbook files to choose from disk (one, or with `multiple` one or more). The browser's own file
 * input says "Choose File" and "No file chosen" in the browser's language, not the pane's; so the
 * control is a Fluent button in the pane's words (Tab to it, Enter or Space opens the browser's file
 * dialog: a file dialog opens only from the user's own click or key, office-js#4098) that clicks the
 * hidden input (accepting .xlsx), with the chosen files' names beside it. The button is named by the
 * field's label and its own text, and described by the hint and the names. The files are read with
 * File.arrayBuffer() and handed on as ChosenFiles; choosing the same file again (after editing it)
 * chooses it again. `ref` is the button's, for a form to move the focus to it.
 */
export function FileChooser({
  label,
  hint,
  disabled,
  multiple = false,
  onChosen,
  ref,
}: {
  label: string;
  hint: string;
  disabled?: boolean;
  multiple?: boolean;
  onChosen: (files: ChosenFile[]) => void;
  ref?: Ref<HTMLButtonElement>;
}) {
  const styles = useStyles();
  const { t } = usePane();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const buttonId = useId();
  const nameId = useId();
  return (
    <Field label={label} hint={hint}>
      {(props) => (
        <div className={styles.row}>
          <Button
            {...props}
            ref={ref}
            id={buttonId}
            aria-labelledby={`${props["aria-labelledby"] ?? ""} ${buttonId}`.trim()}
            aria-describedby={`${props["aria-describedby"] ?? ""} ${nameId}`.trim()}
            disabled={disabled}
            onClick={() => input.current?.click()}
          >
            {t.chooseFile}
          </Button>
          <Caption1 id={nameId} className={styles.name}>
            {chosen.length > 0 ? chosen.join(t.listSeparator) : t.noFileChosen}
          </Caption1>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={multiple}
            hidden
            tabIndex={-1}
            onChange={(event) => {
              const target = event.currentTarget;
              const files = [...(target.files ?? [])];
              if (files.length === 0) return;
              void Promise.all(files.map(bytesOf)).then((data) => {
                // Cleared, so that choosing the same file again fires change again.
                target.value = "";
                setChosen(files.map((file) => file.name));
                onChosen(files.map((file, i) => ({ name: file.name, data: data[i]! })));
              });
            }}
          />
        </div>
      )}
    </Field>
  );
}
