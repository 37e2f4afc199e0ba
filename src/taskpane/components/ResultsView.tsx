import { useRef, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle1,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
  typographyStyles,
  type BadgeProps,
} from "@fluentui/react-components";
import type { ResultJson } from "../../core/report";
import { SECONDARY_INDICATORS } from "../../spec/indicators";
import type { GradeId } from "../../spec/types";
import type { ComputeReport, IntegrityIssue } from "../actions/types";
import { fmt, type Lang, type Messages } from "../i18n";
import { BusyIcon } from "./BusyIcon";
import { DataTable } from "./DataTable";
import { ErrorBar } from "./ErrorBar";
import { IssueLink } from "./IssueLink";
import { focusSoon, useAction, usePane } from "./PaneContext";

const useStyles = makeStyles({
  heading: { margin: 0 },
  focusHeading: { ...typographyStyles.subtitle2, margin: 0 },
  text: { margin: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  score: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
  },
  scoreValue: { margin: 0, fontVariantNumeric: "tabular-nums" },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontVariantNumeric: "tabular-nums" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  links: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

/** The grade badge's colour: green for five stars down to red for a fail. */
export const GRADE_COLORS: Record<GradeId, NonNullable<BadgeProps["color"]>> = {
  "five-star": "success",
  "four-star": "brand",
  "three-star": "informative",
  qualified: "warning",
  fail: "danger",
};

const fixed = (value: number, places = 2) => value.toFixed(places);
const percent = (fraction: number) => `${(fraction * 100).toFixed(1)} %`;

export function ResultsView(_props: { active: boolean }) {
  const styles = useStyles();
  const { host, t, lang } = usePane();
  const compute = useAction();
  const [report, setReport] = useState<ComputeReport | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const errorBar = useRef<HTMLDivElement>(null);
  const verify = useAction();
  const [findings, setFindings] = useState<IntegrityIssue[] | null>(null);
  const verifyHeading = useRef<HTMLHeadingElement>(null);

  const onCompute = async () => {
    const result = await compute.run(
      {
        busy: (t) => t.computing,
        done: (t, r: ComputeReport, lang) =>
          fmt(t.computed, { score: fixed(r.result[lang].finalScore), grade: r.result[lang].gradeLabel }),
        failed: "computeFailed",
      },
      () => host.compute(),
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
      },
      () => host.verify(),
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
      <div>
        <Button
          appearance="primary"
          disabledFocusable={compute.running}
          icon={compute.running ? <BusyIcon /> : undefined}
          onClick={() => void onCompute()}
        >
          {t.computeButton}
        </Button>{" "}
        <Button
          disabledFocusable={verify.running}
          icon={verify.running ? <BusyIcon /> : undefined}
          onClick={() => void onVerify()}
        >
          {t.verifyButton}
        </Button>
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
    </>
  );
}

/** The integrity check's findings, each a link that selects its cell. */
function Findings({
  findings,
  t,
  lang,
  headingRef,
}: {
  findings: IntegrityIssue[];
  t: Messages;
  lang: Lang;
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="starscore-integrity">
      <h3 id="starscore-integrity" ref={headingRef} tabIndex={-1} className={styles.focusHeading}>
        {t.verifyHeading}
      </h3>
      <MessageBar intent={findings.length ? "error" : "success"} layout="multiline">
        <MessageBarBody>
          {findings.length ? t.verifyFoundBody : t.verifyCleanBody}
          {findings.length > 0 && (
            <ul className={styles.links}>
              {findings.map((issue, i) => (
                <li key={`${i}-${issue.cell ?? ""}-${issue.code ?? ""}`}>
                  <IssueLink
                    text={
                      issue.message?.[lang] ??
                      fmt(t.integrityRow, {
                        what: issue.what,
                        sheet: issue.sheetValue,
                        engine: issue.engineValue,
                      })
                    }
                    cell={issue.cell}
                  />
                </li>
              ))}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
    </section>
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
  const errors = report.issues.filter((i) => i.severity === "error").length;
  const warnings = report.issues.length - errors;
  return (
    <>
      {report.integrity.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.integrityHeading}</MessageBarTitle> {t.integrityBody}
            <ul className={styles.links}>
              {report.integrity.map((issue) => (
                <li key={`${issue.cell}-${issue.what}`}>
                  <IssueLink
                    text={fmt(t.integrityRow, {
                      what: issue.what,
                      sheet: issue.sheetValue,
                      engine: issue.engineValue,
                    })}
                    cell={issue.cell}
                  />
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
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
            {t.gradeLabel}: {result.gradeLabel}
          </Badge>
          <Badge size="large" appearance="outline" color={result.passed ? "success" : "danger"}>
            {result.passed ? t.passed : t.failed}
          </Badge>
          <Badge size="large" appearance="outline" color={result.complete ? "success" : "warning"}>
            {result.complete ? t.complete : t.incomplete}
          </Badge>
        </div>
        {!result.complete && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.incomplete}</MessageBarTitle> {t.incompleteBody}
            </MessageBarBody>
          </MessageBar>
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
        <dl className={styles.facts}>
          <dt className={styles.term}>{t.scaledScore}</dt>
          <dd className={styles.value}>{fixed(result.scaledScore)}</dd>
          <dt className={styles.term}>{t.deductionsLabel}</dt>
          <dd className={styles.value}>{result.deductions}</dd>
          <dt className={styles.term}>{t.bonusLabel}</dt>
          <dd className={styles.value}>{fixed(result.bonus)}</dd>
        </dl>
        {report.issues.length > 0 && (
          <Body1 as="p" className={styles.text}>
            {fmt(t.resultIssues, { errors, warnings })}
          </Body1>
        )}
      </section>
      <Indicators result={result} t={t} lang={lang} />
      <Evaluators result={result} t={t} />
    </>
  );
}

function Indicators({ result, t, lang }: { result: ResultJson; t: Messages; lang: Lang }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="starscore-indicators">
      <Subtitle2 as="h3" id="starscore-indicators" className={styles.heading}>
        {t.indicatorsHeading}
      </Subtitle2>
      {result.indicators.map((indicator) => {
        const name = SECONDARY_INDICATORS.find((i) => i.id === indicator.id)?.name[lang];
        const label = name ? `${indicator.id} ${name}` : indicator.id;
        const text =
          indicator.attainment === null
            ? t.indicatorExcluded
            : fmt(t.indicatorScore, {
                score: fixed(indicator.score),
                max: fixed(indicator.applicableMax).replace(/\.00$/, ""),
                percent: percent(indicator.attainment),
              });
        return (
          <Field key={indicator.id} label={label} validationMessage={text} validationState="none">
            <ProgressBar
              value={indicator.attainment ?? 0}
              max={1}
              thickness="large"
              color={indicator.attainment !== null && indicator.attainment < 0.7 ? "warning" : "brand"}
            />
          </Field>
        );
      })}
    </section>
  );
}

function Evaluators({ result, t }: { result: ResultJson; t: Messages }) {
  const styles = useStyles();
  const applicable = result.items.filter((item) => !item.excluded).length;
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
        ]}
      />
    </section>
  );
}
