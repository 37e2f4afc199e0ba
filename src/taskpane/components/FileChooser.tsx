import {
  Field,
  createFocusOutlineStyle,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import type { ChosenFile } from "../actions/types";

const useStyles = makeStyles({
  input: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground1,
    maxWidth: "100%",
    borderRadius: tokens.borderRadiusMedium,
    ...createFocusOutlineStyle({ selector: "focus" }),
    "::file-selector-button": {
      ...typographyStyles.body1Strong,
      marginInlineEnd: tokens.spacingHorizontalS,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      cursor: "pointer",
    },
    ":hover::file-selector-button": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
});

/**
 * A workbook file to choose from disk: the browser's own file input (reached with Tab, opened with
 * Enter or Space, named by its label), accepting .xlsx. The chosen file is read with
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
  return (
    <Field label={label} hint={hint}>
      {(props) => (
        <input
          {...props}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.input}
          disabled={disabled}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            void file.arrayBuffer().then((buffer) => {
              // Cleared, so that choosing the same file again fires change again.
              input.value = "";
              onChosen({ name: file.name, data: new Uint8Array(buffer) });
            });
          }}
        />
      )}
    </Field>
  );
}
