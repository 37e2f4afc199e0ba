import { useRef, useState } from "react";
import {
  Badge,
  Body1,
  Field,
  ProgressBar,
  Subtitle1,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import type { ResultJson } from "../../core/report";
import type { ComputeReport, IntegrityIssue } from "../actions/types";
import { fmt, type Lang, type Messages } from "../i18n";
import { fixed, percent, points } from "../model/format";
import { errorCount, issueOverview, warningCount } from "../model/issues";
import { indicatorFigures, type IndicatorFigure } from "../model/results";
import { biases, signedPoints } from "../model/team";
import { ActionButton } from "./ActionButton";
import { DataTable } from "./DataTable";
import { ErrorBar } from "./ErrorBar";
import { Facts } from "./Facts";
import { Disagreements } from "./Disagreements";
import { GRADE_COLORS } from "./grade-colors";
import { ExcludedList } from "./ExcludedList";
import { Finding, Findings } from "./IntegrityFindings";
import { Notice } from "./Notice";
import { focusSoon, useAction, usePane } from "./PaneContext";
import { NoWorkbookNotice, ViewLink } from "./ViewLink";
import { ReportSection } from "./ReportSection";
import type { ViewProps } from "./views";
import { VIEW_STYLES } from "./view-styles";

const useStyles = makeStyles({
  ...VIEW_STYLES,
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  score: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  scoreValue: { margin: 0, fontVariantNumeric: "tabular-nums" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  links: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  primary: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlockStart: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  primaryHeading: { ...typographyStyles.body1Strong, margin: 0 },
  secondaries: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingInlineStart: tokens.spacingHorizontalM,
  },
});

export { GRADE_COLORS };

export function ResultsView({ active }: ViewProps) {
  const styles = useStyles();
  const { host, t, lang, workbook } = usePane();
  const compute = useAction();
  const [report, setReport] = useState<ComputeReport | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const errorBar = useRef<HTMLDivElement>(null);
  const verify = useAction();
  const [findings, setFindings] = useState<IntegrityIssue[] | null>(null);
  const verifyHeading = useRef<HTMLHeadingElement>(null);
  const absent = workbook === "absent";

  const onCompute = async () => {
    const result = await compute.run(
      {
        busy: (t) => t.computing,
        done: (t, r: ComputeReport, lang) =>
          fmt(t.computed, { score: fixed(r.result[lang].finalScore), grade: r.result[lang].gradeLabel }),
        failed: "computeFailed",
        logged: true,
      },
      (person) => host.compute(person),
    );
    if (result) {
      setReport(result);
      focusSoon(() => resultHeading.current);
    } else {
      focusSoon(() => errorBar.current);
    }
  };

  const onVerify = async () => {
    const result = await verify.run(
      {
        busy: (t) => t.verifying,
        done: (t, r: IntegrityIssue[]) =>
          r.length ? fmt(t.verifiedFound, { count: r.length }) : t.verifiedClean,
        failed: "verifyFailed",
        logged: true,
      },
      (person) => host.verify(person),
    );
    if (result) {
      setFindings(result);
      focusSoon(() => verifyHeading.current);
    }
  };

  return (
    <>
      <Subtitle1 as="h2" className={styles.heading}>
        {t.resultsHeading}
      </Subtitle1>
      <Body1 as="p" className={styles.text}>
        {t.resultsIntro}
      </Body1>
      {absent && <NoWorkbookNotice />}
      <div className={styles.toolbar}>
        <ActionButton
          appearance="primary"
          action={compute}
          unavailable={absent}
          busy={compute.running && active}
          onClick={() => void onCompute()}
        >
          {t.computeButton}
        </ActionButton>
        <ActionButton
          action={verify}
          unavailable={absent}
          busy={verify.running && active}
          onClick={() => void onVerify()}
        >
          {t.verifyButton}
        </ActionButton>
      </div>
      {compute.failure && <ErrorBar ref={errorBar} failure={compute.failure} />}
      {verify.failure && <ErrorBar failure={verify.failure} />}
      {findings && <Findings findings={findings} t={t} lang={lang} headingRef={verifyHeading} />}
      {!report ? (
        <Body1 as="p" className={styles.text}>
          {t.notComputed}
        </Body1>
      ) : (
        <Result report={report} t={t} lang={lang} headingRef={resultHeading} />
      )}
      <ReportSection absent={absent} active={active} />
    </>
  );
}

function Result({
  report,
  t,
  lang,
  headingRef,
}: {
  report: ComputeReport;
  t: Messages;
  lang: Lang;
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const styles = useStyles();
  const result = report.result[lang];
  const overview = issueOverview(report.issues);
  const errors = errorCount(overview);
  const warnings = warningCount(overview);
  return (
    <>
      {report.integrity.length > 0 && (
        <Notice intent="error" title={t.integrityHeading}>
          {t.integrityBody}
          <ul className={styles.links}>
            {report.integrity.map((issue) => (
              <li key={`${issue.cell}-${issue.what}`}>
                <Finding issue={issue} t={t} lang={lang} />
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <section className={styles.section} aria-labelledby="starscore-final-score">
        <h3 id="starscore-final-score" ref={headingRef} tabIndex={-1} className={styles.focusHeading}>
          {t.finalScore}
        </h3>
        <div className={styles.score}>
          <Title2 as="p" className={styles.scoreValue}>
            {fixed(result.finalScore)}
          </Title2>
          <Badge size="large" appearance="filled" color={GRADE_COLORS[result.grade]}>
            {fmt(t.gradeBadge, { grade: result.gradeLabel })}
          </Badge>
          <Badge size="large" appearance="outline" color={result.passed ? "success" : "danger"}>
            {result.passed ? t.passed : t.failed}
          </Badge>
          <Badge size="large" appearance="outline" color={result.complete ? "success" : "warning"}>
            {result.complete ? t.complete : t.incomplete}
          </Badge>
        </div>
        {!result.complete && (
          <Notice intent="warning" title={t.incomplete}>
            {t.incompleteBody}
          </Notice>
        )}
        {result.reasons.length > 0 && (
          <>
            <Subtitle2 as="h4" className={styles.heading}>
              {t.failReasons}
            </Subtitle2>
            <ul className={styles.list}>
              {result.reasons.map((reason) => (
                <li key={reason.code}>{reason.message}</li>
              ))}
            </ul>
          </>
        )}
        <Facts
          facts={[
            { term: t.scaledScore, value: fmt(t.pointsValue, { value: fixed(result.scaledScore) }) },
            {
              term: t.deductionsLabel,
              value: result.deductions ? fmt(t.deductionsValue, { n: result.deductions }) : t.none,
            },
            {
              term: t.bonusLabel,
              value: result.bonus ? fmt(t.bonusValue, { points: fixed(result.bonus) }) : t.none,
            },
          ]}
        />
        {errors + warnings > 0 && (
          <Body1 as="p" className={styles.text}>
            {fmt(t.resultIssues, { errors, warnings })} <ViewLink view="validate" />
          </Body1>
        )}
      </section>
      <Indicators result={result} t={t} lang={lang} />
      <ExcludedList exclusions={report.exclusions ?? []} result={result} t={t} lang={lang} />
      <Disagreements
        result={result}
        entries={report.disagreements}
        t={t}
        lang={lang}
        headingId="starscore-disagreements"
      />
      <Evaluators result={result} t={t} />
    </>
  );
}

function scoreText(figure: IndicatorFigure, t: Messages): string {
  return figure.attainment === null
    ? t.indicatorExcluded
    : fmt(t.indicatorScore, {
        score: fixed(figure.score),
        max: points(figure.applicableMax),
        percent: percent(figure.attainment),
      });
}

function Bar({
  label,
  figure,
  t,
  strong,
}: {
  label: string;
  figure: IndicatorFigure;
  t: Messages;
  strong?: boolean;
}) {
  const styles = useStyles();
  return (
    <Field
      label={strong ? { children: label, className: styles.primaryHeading } : label}
      validationMessage={scoreText(figure, t)}
      validationState="none"
    >
      <ProgressBar
        value={figure.attainment ?? 0}
        max={1}
        thickness="large"
        color={figure.attainment !== null && figure.attainment < 0.7 ? "warning" : "brand"}
      />
    </Field>
  );
}

/** Both levels of Appendix A, in its order: each primary indicator, then its secondary ones. */
function Indicators({ result, t, lang }: { result: ResultJson; t: Messages; lang: Lang }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="starscore-indicators">
      <Subtitle2 as="h3" id="starscore-indicators" className={styles.heading}>
        {t.indicatorsHeading}
      </Subtitle2>
      {indicatorFigures(result).map((primary) => (
        <div key={primary.indicator.id} className={styles.primary}>
          <Bar label={primary.indicator.name[lang]} figure={primary} t={t} strong />
          <div className={styles.secondaries}>
            {primary.secondaries.map((s) => (
              <Bar
                key={s.indicator.id}
                label={`${s.indicator.id} ${s.indicator.name[lang]}`}
                figure={s}
                t={t}
              />
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}

function Evaluators({ result, t }: { result: ResultJson; t: Messages }) {
  const styles = useStyles();
  const applicable = result.items.filter((item) => !item.excluded).length;
  const bias = biases(result);
  return (
    <section className={styles.section} aria-labelledby="starscore-evaluators">
      <Subtitle2 as="h3" id="starscore-evaluators" className={styles.heading}>
        {t.evaluatorsTableHeading}
      </Subtitle2>
      <DataTable
        labelledBy="starscore-evaluators"
        rows={result.evaluators}
        rowKey={(evaluator, i) => `${i}-${evaluator.name}`}
        columns={[
          { header: t.colEvaluator, cell: (e) => e.name },
          { header: t.colKind, cell: (e) => (e.kind === "visit" ? t.kindVisit : t.kindAuditor) },
          { header: t.colTotal, numeric: true, cell: (e) => fixed(e.total) },
          { header: t.colItems, numeric: true, cell: (e) => `${e.itemsScored} / ${applicable}` },
          {
            header: t.colCoverage,
            numeric: true,
            cell: (e) => (applicable ? percent(e.itemsScored / applicable) : "–"),
          },
          { header: t.colBias, numeric: true, cell: (_, i) => signedPoints(bias[i]) },
        ]}
      />
    </section>
  );
}
