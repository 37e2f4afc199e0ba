import { useRef, useState } from "react";
import {
  Badge,
  Body1,
  Checkbox,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import type { ItemChange } from "../../core/compare";
import { planPercent } from "../../core/plan-words";
import { DEDUCTION_CATEGORIES } from "../../spec/rules";
import {
  CHANGE_LABELS,
  compareParagraph,
  FOLLOW_UP_LABELS,
  signedPoints,
} from "../../workbook/compare-words";
import { TEXT } from "../../workbook/labels";
import type { ChosenFile, CompareReport } from "../actions/types";
import { fmt, type Lang, type Messages } from "../i18n";
import { fixed } from "../model/format";
import { changeCounts, changedIndicators, gradeLabel, itemsOfClasses, SHOWN_AT_FIRST } from "../model/plan";
import { ActionButton } from "./ActionButton";
import { DataTable } from "./DataTable";
import { ErrorBar } from "./ErrorBar";
import { Facts } from "./Facts";
import { FileChooser } from "./FileChooser";
import { focusSoon, useAction, usePane } from "./PaneContext";
import { ItemTitle } from "./PlanView";
import { GRADE_COLORS } from "./ResultsView";
import { NoWorkbookNotice } from "./ViewLink";
import type { ViewProps } from "./views";
import { VIEW_STYLES } from "./view-styles";

const useStyles = makeStyles({
  ...VIEW_STYLES,
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  grade: { display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  filters: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  fieldset: { border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { ...typographyStyles.body1, padding: 0, color: tokens.colorNeutralForeground1 },
});

/**
 * 比较 Compare: the open workbook against the previous audit's workbook file (issue 14), as
 * `starscore compare` says it: the paragraph (src/workbook/compare-words.ts), the final score and
 * grade before and after, each indicator's change, each item's class (filterable), and the previous
 * audit's special deductions with their rectification status and whether this audit verified them.
 * The file is read in the pane (never uploaded); the workbook is read, nothing is written.
 */
export function CompareView({ active }: ViewProps) {
  const styles = useStyles();
  const { host, t, lang, workbook } = usePane();
  const compare = useAction();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [report, setReport] = useState<CompareReport | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const absent = workbook === "absent";

  const run = async (chosen: ChosenFile) => {
    setFile(chosen);
    const result = await compare.run(
      {
        busy: (t) => fmt(t.comparing, { name: chosen.name }),
        done: (t, r: CompareReport) =>
          fmt(t.compared, {
            before: fixed(r.comparison.previous.finalScore),
            after: fixed(r.comparison.current.finalScore),
          }),
        failed: "compareFailed",
      },
      () => host.compare(chosen),
    );
    if (result) {
      setReport(result);
      focusSoon(() => heading.current);
    }
  };

  return (
    <>
      <Subtitle1 as="h2" className={styles.heading}>
        {t.compareHeading}
      </Subtitle1>
      <Body1 as="p" className={styles.text}>
        {t.compareIntro}
      </Body1>
      {absent && <NoWorkbookNotice />}
      <FileChooser
        label={t.compareFileLabel}
        hint={t.fileHint}
        disabled={absent || compare.blocked || compare.running}
        onChosen={([chosen]) => void run(chosen!)}
      />
      {file && report && (
        <div className={styles.toolbar}>
          <ActionButton
            action={compare}
            unavailable={absent}
            busy={compare.running && active}
            onClick={() => void run(file)}
          >
            {t.compareAgain}
          </ActionButton>
        </div>
      )}
      {compare.failure && <ErrorBar failure={compare.failure} level={3} />}
      {report ? (
        <Comparison report={report} t={t} lang={lang} headingRef={heading} />
      ) : (
        <Body1 as="p" className={styles.text}>
          {t.notCompared}
        </Body1>
      )}
    </>
  );
}

function Comparison({
  report,
  t,
  lang,
  headingRef,
}: {
  report: CompareReport;
  t: Messages;
  lang: Lang;
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const styles = useStyles();
  const { comparison: c } = report;
  const scoreAndGrade = (side: typeof c.previous) => (
    <span className={styles.grade}>
      {fixed(side.finalScore)}
      <Badge appearance="filled" color={GRADE_COLORS[side.grade]}>
        {gradeLabel(side.grade, lang)}
      </Badge>
    </span>
  );
  const indicators = changedIndicators(c);
  const pct = (value: number | null) => (value === null ? t.excludedShort : planPercent(value));
  return (
    <>
      <section className={styles.section} aria-labelledby="starscore-compare">
        <h3 id="starscore-compare" ref={headingRef} tabIndex={-1} className={styles.focusHeading}>
          {t.compareScoresHeading}
        </h3>
        <Facts
          facts={[
            { term: fmt(t.comparePrevious, { name: report.previous }), value: scoreAndGrade(c.previous) },
            { term: t.compareCurrent, value: scoreAndGrade(c.current) },
            { term: t.compareDelta, value: fmt(t.compareDeltaValue, { delta: signedPoints(c.delta) }) },
          ]}
        />
        <Body1 as="p" className={styles.text}>
          {compareParagraph(c, lang)}
        </Body1>
      </section>
      {indicators.length > 0 && (
        <section className={styles.section} aria-labelledby="starscore-compare-indicators">
          <Subtitle2 as="h3" id="starscore-compare-indicators" className={styles.heading}>
            {t.compareIndicatorsHeading}
          </Subtitle2>
          <DataTable
            labelledBy="starscore-compare-indicators"
            rows={indicators}
            rowKey={(i) => i.id}
            columns={[
              { header: t.colIndicatorId, cell: (i) => i.id },
              { header: t.colPrevious, numeric: true, cell: (i) => pct(i.previous) },
              { header: t.colCurrent, numeric: true, cell: (i) => pct(i.current) },
              {
                header: t.colChange,
                numeric: true,
                cell: (i) => (i.delta === null ? "–" : signedPoints(i.delta)),
              },
            ]}
          />
        </section>
      )}
      <Items report={report} t={t} lang={lang} pct={pct} />
      <Deductions report={report} t={t} lang={lang} />
    </>
  );
}

/** Each item's attainment before and after, of the classes the user ticks (what changed, at first). */
function Items({
  report,
  t,
  lang,
  pct,
}: {
  report: CompareReport;
  t: Messages;
  lang: Lang;
  pct: (value: number | null) => string;
}) {
  const styles = useStyles();
  const [shown, setShown] = useState<ReadonlySet<ItemChange>>(() => new Set(SHOWN_AT_FIRST));
  const rows = itemsOfClasses(report.comparison, shown);
  const toggle = (change: ItemChange, on: boolean) =>
    setShown((prev) => {
      const next = new Set(prev);
      if (on) next.add(change);
      else next.delete(change);
      return next;
    });
  return (
    <section className={styles.section} aria-labelledby="starscore-compare-items">
      <Subtitle2 as="h3" id="starscore-compare-items" className={styles.heading}>
        {t.compareItemsHeading}
      </Subtitle2>
      {/* A fieldset, not a Field: a Field gives its one control its id, and these are five. */}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t.compareFilterLabel}</legend>
        <div className={styles.filters}>
          {changeCounts(report.comparison).map(({ change, n }) => (
            <Checkbox
              key={change}
              checked={shown.has(change)}
              onChange={(_, data) => toggle(change, data.checked === true)}
              label={fmt(t.compareFilterOption, { label: CHANGE_LABELS[change][lang], n })}
            />
          ))}
        </div>
      </fieldset>
      {rows.length === 0 ? (
        <Body1 as="p" className={styles.text}>
          {t.compareNoItems}
        </Body1>
      ) : (
        <DataTable
          labelledBy="starscore-compare-items"
          rows={rows}
          rowKey={(i) => i.code}
          columns={[
            {
              header: t.colItem,
              cell: (i) => <ItemTitle code={i.code} cell={report.cells[i.code]} lang={lang} />,
            },
            { header: t.colPrevious, numeric: true, cell: (i) => pct(i.previousPercent) },
            { header: t.colCurrent, numeric: true, cell: (i) => pct(i.currentPercent) },
            { header: t.colClass, cell: (i) => CHANGE_LABELS[i.change][lang] },
          ]}
        />
      )}
    </section>
  );
}

/** The previous audit's special deductions: rectification, its status then, and this audit's verification. */
function Deductions({ report, t, lang }: { report: CompareReport; t: Messages; lang: Lang }) {
  const styles = useStyles();
  const previous = report.comparison.deductions.previous;
  const status = { open: TEXT.statusOpen, closed: TEXT.statusClosed };
  return (
    <section className={styles.section} aria-labelledby="starscore-compare-deductions">
      <Subtitle2 as="h3" id="starscore-compare-deductions" className={styles.heading}>
        {t.compareDeductionsHeading}
      </Subtitle2>
      {previous.length === 0 ? (
        <Body1 as="p" className={styles.text}>
          {t.compareNoDeductions}
        </Body1>
      ) : (
        <DataTable
          labelledBy="starscore-compare-deductions"
          rows={previous}
          rowKey={(d, i) => `${i}-${d.description}`}
          columns={[
            {
              header: t.colDescription,
              cell: (d) =>
                d.item
                  ? `${d.description}${lang === "zh" ? `（${d.item}）` : ` (${d.item})`}`
                  : d.description,
            },
            {
              header: t.colCategory,
              cell: (d) => DEDUCTION_CATEGORIES.find((c) => c.id === d.category)?.label[lang] ?? d.category,
            },
            { header: t.colRectification, cell: (d) => d.rectification ?? "–" },
            { header: t.colStatus, cell: (d) => (d.status ? status[d.status][lang] : "–") },
            { header: t.colFollowUp, cell: (d) => FOLLOW_UP_LABELS[d.followUp ?? "not-listed"][lang] },
          ]}
        />
      )}
    </section>
  );
}
