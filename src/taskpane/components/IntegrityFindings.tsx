import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { IntegrityIssue } from "../actions/types";
import type { Lang, Messages } from "../i18n";
import { findingText } from "../model/findings";
import { IssueLink } from "./IssueLink";
import { Notice } from "./Notice";
import { VIEW_STYLES } from "./view-styles";

const useStyles = makeStyles({
  ...VIEW_STYLES,
  links: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  details: { marginBlockStart: tokens.spacingVerticalXXS },
  code: {
    ...typographyStyles.caption1,
    fontFamily: tokens.fontFamilyMonospace,
    display: "block",
    margin: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXS}`,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
});

/** A finding's sentence, going to its cell, with the formula (when there is one) in a disclosure. */
export function Finding({ issue, t, lang }: { issue: IntegrityIssue; t: Messages; lang: Lang }) {
  const styles = useStyles();
  const { text, formula } = findingText(issue, t, lang);
  return (
    <>
      <IssueLink text={text} cell={issue.cell} />
      {formula && (
        <details className={styles.details}>
          <summary>{t.findingDetails}</summary>
          {t.findingExpected}
          <code className={styles.code}>{formula.expected}</code>
          {t.findingFound}
          <code className={styles.code}>{formula.found || t.findingBlank}</code>
        </details>
      )}
    </>
  );
}

/** The integrity check's findings (Results and Review), each a link that selects its cell. */
export function Findings({
  findings,
  t,
  lang,
  headingRef,
  headingId = "starscore-integrity",
}: {
  findings: IntegrityIssue[];
  t: Messages;
  lang: Lang;
  headingRef?: React.Ref<HTMLHeadingElement>;
  /** The heading's id, unique in the pane (every view stays mounted). */
  headingId?: string;
}) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className={styles.focusHeading}>
        {t.verifyHeading}
      </h3>
      <Notice intent={findings.length ? "error" : "success"}>
        {findings.length ? t.verifyFoundBody : t.verifyCleanBody}
        {findings.length > 0 && (
          <ul className={styles.links}>
            {findings.map((issue, i) => (
              <li key={`${i}-${issue.cell ?? ""}-${issue.code ?? ""}`}>
                <Finding issue={issue} t={t} lang={lang} />
              </li>
            ))}
          </ul>
        )}
      </Notice>
    </section>
  );
}
