import { Body1, Subtitle2, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { ResultJson } from "../../core/report";
import type { ItemEntries } from "../actions/types";
import { fmt, type Lang, type Messages } from "../i18n";
import { points } from "../model/format";
import { disagreementRows } from "../model/team";
import { useItems } from "./catalogue";
import { VIEW_STYLES } from "./view-styles";

const useStyles = makeStyles({
  ...VIEW_STYLES,
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: { ...typographyStyles.body1Strong },
  entries: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontVariantNumeric: "tabular-nums" },
});

/**
 * The items in disagreement (entries two Appendix C bands apart or more), each with every
 * evaluator's entry (Results and Review); a sentence when there is none.
 */
export function Disagreements({
  result,
  entries,
  t,
  lang,
  headingId,
}: {
  result: ResultJson;
  entries: readonly ItemEntries[] | undefined;
  t: Messages;
  lang: Lang;
  /** The heading's id, unique in the pane (every view stays mounted). */
  headingId: string;
}) {
  const styles = useStyles();
  const items = useItems();
  const rows = disagreementRows(result, entries);
  const value = (v: number | null) => (v === null ? t.entryBlank : String(v));
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t.disagreementsHeading}
      </Subtitle2>
      <Body1 as="p" className={styles.text}>
        {rows.length === 0 ? t.disagreementsNone : t.disagreementsIntro}
      </Body1>
      {rows.length > 0 && (
        <ul className={styles.list} data-testid={`${headingId}-list`}>
          {rows.map((row) => {
            const title = items?.find((i) => i.code === row.code)?.title[lang];
            return (
              <li key={row.code}>
                <span className={styles.item}>
                  {fmt(t.disagreementItem, {
                    code: title ? `${row.code} ${title}` : row.code,
                    min: row.minPercent === null ? "–" : points(row.minPercent),
                    max: row.maxPercent === null ? "–" : points(row.maxPercent),
                    spread: row.spreadBands,
                  })}
                </span>
                <ul className={styles.entries}>
                  {row.entries.map((entry, i) => (
                    <li key={`${i}-${entry.name}`}>
                      {fmt(t.disagreementEntry, { name: entry.name, value: value(entry.value) })}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
