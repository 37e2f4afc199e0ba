import { ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { htmlLang, LANGS, type Lang, type Messages } from "../i18n";

const useStyles = makeStyles({
  group: { display: "flex", gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  // As wide as the word: Fluent's small buttons are 64 px at least, too wide for a 320 px header.
  button: { minWidth: "auto" },
});

export interface LanguageSwitchProps {
  lang: Lang;
  t: Messages;
  onChange: (lang: Lang) => void;
}

/** Two toggle buttons, 中文 and English, in a labelled group; each is named in its own language. */
export function LanguageSwitch({ lang, t, onChange }: LanguageSwitchProps) {
  const styles = useStyles();
  return (
    <div role="group" aria-label={t.languageGroupLabel} className={styles.group}>
      {LANGS.map((option) => (
        <ToggleButton
          key={option}
          size="small"
          className={styles.button}
          appearance={option === lang ? "primary" : "secondary"}
          checked={option === lang}
          lang={htmlLang(option)}
          onClick={() => onChange(option)}
        >
          {option === "zh" ? t.languageZh : t.languageEn}
        </ToggleButton>
      ))}
    </div>
  );
}
