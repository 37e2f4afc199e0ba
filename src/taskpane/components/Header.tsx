import { Caption1, Image, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang, Messages } from "../i18n";
import { LanguageSwitch } from "./LanguageSwitch";

const useStyles = makeStyles({
  // Sized for a 320 px pane: the icon, the name and the two language buttons on one line.
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  icon: { flexShrink: 0 },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  title: { margin: 0, whiteSpace: "nowrap" },
  subtitle: { overflowWrap: "anywhere" },
});

export interface HeaderProps {
  lang: Lang;
  t: Messages;
  onLanguageChange: (lang: Lang) => void;
}

export function Header({ lang, t, onLanguageChange }: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Image className={styles.icon} src="assets/icon-32.png" alt="" width={24} height={24} />
      <div className={styles.titles}>
        <Title3 as="h1" className={styles.title}>
          {t.productName}
        </Title3>
        <Caption1 className={styles.subtitle}>{t.productSubtitle}</Caption1>
      </div>
      <LanguageSwitch lang={lang} t={t} onChange={onLanguageChange} />
    </header>
  );
}
