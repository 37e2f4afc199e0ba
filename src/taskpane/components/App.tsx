import { lazy, Suspense, useEffect, useState } from "react";
import { Body1, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { StarScoreHost } from "../actions/types";
import { htmlLang, messages, type Lang } from "../i18n";
import { Header } from "./Header";
import { HostNotice, hostProblem } from "./HostNotice";

/**
 * The views' workspace (the person field, the stage tabs and what they need: Fluent's tabs with
 * tabster's keyboard navigation, the input, the status line) in a chunk of its own: the first
 * paint is the header and this line, and outside a supported Excel the workspace is never loaded.
 * It loads beside the Office.js host's chunk (index.tsx), which the views wait for anyway.
 */
const Workspace = lazy(() =>
  import(/* webpackChunkName: "workspace" */ "./Workspace").then((m) => ({ default: m.Workspace })),
);

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    minWidth: 0,
    // Long text (a cell address, a hash, a formula) wraps rather than widening the pane.
    overflowWrap: "anywhere",
  },
  description: { margin: 0 },
  about: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBlockStart: tokens.spacingVerticalS,
  },
  summary: { ...typographyStyles.caption1Strong, cursor: "pointer" },
});

export interface AppProps {
  initialLang: Lang;
  /** Office.onReady reported host Excel. */
  inExcel: boolean;
  /** Office.context.requirements.isSetSupported("ExcelApi", "1.8"). */
  excelApiSupported: boolean;
  /**
   * What the views ask of Excel. Without it (outside Excel, an unsupported Excel, or before the
   * Office.js implementation is loaded) the pane shows the header, the notice and the description.
   */
  host?: StarScoreHost;
}

/**
 * The pane: the header (product, language), then either what keeps StarScore from working here
 * with what it is, or the views; "About StarScore" at the foot, so that the description does not
 * stand above every view.
 */
export default function App({ initialLang, inExcel, excelApiSupported, host }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = messages[lang];
  const problem = hostProblem(inExcel, excelApiSupported);
  const working = host !== undefined && !problem;

  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
    document.title = `${t.productName} ${t.productSubtitle}`;
  }, [lang, t]);

  return (
    <>
      <Header lang={lang} t={t} onLanguageChange={setLang} />
      <main className={styles.main}>
        {problem && <HostNotice problem={problem} t={t} />}
        {working ? (
          <>
            <Suspense
              fallback={
                <Body1 as="p" role="status" className={styles.description}>
                  {t.loading}
                </Body1>
              }
            >
              <Workspace host={host} lang={lang} t={t} />
            </Suspense>
            <details className={styles.about}>
              <summary className={styles.summary}>{t.aboutHeading}</summary>
              <Body1 as="p" className={styles.description}>
                {t.description}
              </Body1>
            </details>
          </>
        ) : (
          <Body1 as="p" className={styles.description}>
            {t.description}
          </Body1>
        )}
      </main>
    </>
  );
}
