import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ResultJson } from "../../core/report";
import { fmt, type Lang, type Messages } from "../i18n";
import { excludedLines, type ExclusionEntry } from "../model/results";
import { useItems } from "./catalogue";
import { VIEW_STYLES } from "./view-styles";

const useStyles = makeStyles({
  ...VIEW_STYLES,
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/**
 * The items excluded as not applicable, with the reasons the workbook gives (Results and Review);
 * nothing, or `none` when given, when nothing is excluded.
 */
export function ExcludedList({
  exclusions,
  result,
  t,
  lang,
  headingId = "starscore-excluded",
  none,
}: {
  exclusions: readonly ExclusionEntry[];
  result: ResultJson;
  t: Messages;
  lang: Lang;
  /** The heading's id, unique in the pane (every view stays mounted). */
  headingId?: string;
  /** What to say when nothing is excluded; the section is left out without it. */
  none?: string;
}) {
  const styles = useStyles();
  const items = useItems();
  const lines = excludedLines(exclusions, result);
  if (lines.length === 0 && none === undefined) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t.excludedHeading}
      </Subtitle2>
      {lines.length === 0 ? (
        <p className={styles.heading}>{none}</p>
      ) : (
        <ul className={styles.list}>
          {lines.map((line) => {
            const title = items?.find((i) => i.code === line.key)?.title[lang];
            const what = line.indicator
              ? fmt(t.excludedIndicator, { id: line.key, name: line.indicator.name[lang] })
              : title
                ? `${line.key} ${title}`
                : line.key;
            return (
              <li key={line.key}>
                {fmt(t.excludedReason, { what, reason: line.reason || t.excludedNoReason })}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
