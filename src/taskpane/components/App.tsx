import { useEffect, useState } from "react";
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { StarScoreHost } from "../actions/types";
import { htmlLang, messages, type Lang } from "../i18n";
import { Header } from "./Header";
import { HostNotice, hostProblem } from "./HostNotice";
import { Workspace } from "./Workspace";

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  description: { margin: 0 },
});

export interface AppProps {
  initialLang: Lang;
  /** Office.onReady reported host Excel. */
  inExcel: boolean;
  /** Office.context.requirements.isSetSupported("ExcelApi", "1.8"). */
  excelApiSupported: boolean;
  /**
   * What the views ask of Excel. Without it (outside Excel, or an Excel without ExcelApi 1.8:
   * index.tsx passes none) the pane shows the header, the notice and the description only.
   */
  host?: StarScoreHost;
}

export default function App({ initialLang, inExcel, excelApiSupported, host }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = messages[lang];
  const problem = hostProblem(inExcel, excelApiSupported);

  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
    document.title = `${t.productName} ${t.productSubtitle}`;
  }, [lang, t]);

  return (
    <>
      <Header lang={lang} t={t} onLanguageChange={setLang} />
      <main className={styles.main}>
        {problem && <HostNotice problem={problem} t={t} />}
        <Body1 as="p" className={styles.description}>
          {t.description}
        </Body1>
        {host && !problem && <Workspace host={host} lang={lang} t={t} />}
      </main>
    </>
  );
}
