import { Caption1, Image, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang, Messages } from "../i18n";
import { LanguageSwitch } from "./LanguageSwitch";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  title: { margin: 0 },
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
      <Image src="assets/icon-32.png" alt="" width={32} height={32} />
      <div className={styles.titles}>
        <Title3 as="h1" className={styles.title}>
          {t.productName}
        </Title3>
        <Caption1>{t.productSubtitle}</Caption1>
      </div>
      <LanguageSwitch lang={lang} t={t} onChange={onLanguageChange} />
    </header>
  );
}
