import { useRef, useState } from "react";
import {
  Badge,
  Body1,
  Field,
  Select,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PlanTarget } from "../../core/plan";
import { planParagraph, planPercent } from "../../core/plan-words";
import type { PlanReport } from "../actions/types";
import { fmt, type Lang, type Messages } from "../i18n";
import { fixed, points } from "../model/format";
import { gradeLabel, headroomRows, planOutcome, targetOptions } from "../model/plan";
import { ActionButton } from "./ActionButton";
import { useItems } from "./catalogue";
import { DataTable } from "./DataTable";
import { ErrorBar } from "./ErrorBar";
import { Facts } from "./Facts";
import { ItemLink } from "./ItemLink";
import { Notice } from "./Notice";
import { focusSoon, useAction, usePane } from "./PaneContext";
import { GRADE_COLORS } from "./ResultsView";
import { NoWorkbookNotice } from "./ViewLink";
import type { ViewProps } from "./views";
import { VIEW_STYLES } from "./view-styles";

const useStyles = makeStyles({
  ...VIEW_STYLES,
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  target: { flex: "1 1 160px", minWidth: 0 },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * 计划 Plan: the gap to a target grade (issue 14), as `starscore plan` says it: the paragraph
 * (src/core/plan-words.ts), the raises with what each gains, the points needed and the projection,
 * why the target cannot be reached (deductions to clear, or the ceiling), and what each item could
 * still add. Each item goes to its row on the Scoring sheet. Reads the workbook, writes nothing.
 */
export function PlanView({ active }: ViewProps) {
  const styles = useStyles();
  const { host, t, lang, workbook } = usePane();
  const make = useAction();
  const [target, setTarget] = useState<PlanTarget | "">("");
  const [report, setReport] = useState<PlanReport | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const absent = workbook === "absent";

  const onPlan = async () => {
    const result = await make.run(
      {
        busy: (t) => t.planning,
        done: (t, r: PlanReport, lang) => fmt(t.planDone, { target: gradeLabel(r.plan.target, lang) }),
        failed: "planFailed",
      },
      () => host.plan(target === "" ? undefined : target),
    );
    if (result) {
      setReport(result);
      focusSoon(() => heading.current);
    }
  };

  return (
    <>
      <Subtitle1 as="h2" className={styles.heading}>
        {t.planHeading}
      </Subtitle1>
      <Body1 as="p" className={styles.text}>
        {t.planIntro}
      </Body1>
      {absent && <NoWorkbookNotice />}
      <div className={styles.toolbar}>
        <Field label={t.planTargetLabel} className={styles.target}>
          <Select value={target} onChange={(_, data) => setTarget(data.value as PlanTarget | "")}>
            <option value="">{t.planTargetNext}</option>
            {targetOptions(lang).map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
        <ActionButton
          appearance="primary"
          action={make}
          unavailable={absent}
          busy={make.running && active}
          onClick={() => void onPlan()}
        >
          {t.planButton}
        </ActionButton>
      </div>
      {make.failure && <ErrorBar failure={make.failure} level={3} />}
      {report ? (
        <Plan report={report} t={t} lang={lang} headingRef={heading} />
      ) : (
        <Body1 as="p" className={styles.text}>
          {t.notPlanned}
        </Body1>
      )}
    </>
  );
}

function Plan({
  report,
  t,
  lang,
  headingRef,
}: {
  report: PlanReport;
  t: Messages;
  lang: Lang;
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const styles = useStyles();
  const { plan, cells } = report;
  const outcome = planOutcome(plan);
  const grade = (id: typeof plan.current.grade) => gradeLabel(id, lang);
  const headroom = headroomRows(plan);
  return (
    <>
      <section className={styles.section} aria-labelledby="starscore-plan">
        <h3 id="starscore-plan" ref={headingRef} tabIndex={-1} className={styles.focusHeading}>
          {fmt(t.planSummaryHeading, { target: grade(plan.target), threshold: plan.threshold })}
        </h3>
        <div className={styles.badges}>
          <Badge appearance="filled" color={GRADE_COLORS[plan.current.grade]}>
            {fmt(t.gradeBadge, { grade: grade(plan.current.grade) })}
          </Badge>
        </div>
        <Body1 as="p" className={styles.text}>
          {planParagraph(plan, lang)}
        </Body1>
        {outcome === "reached" && <Notice intent="success">{t.planReachedTitle}</Notice>}
        {outcome === "deductions" && (
          <Notice intent="error" title={t.planDeductionsTitle}>
            {fmt(t.planDeductionsBody, { n: plan.deductionsToClear })}
          </Notice>
        )}
        {outcome === "ceiling" && <Notice intent="warning">{t.planCeilingTitle}</Notice>}
        {outcome !== "reached" && outcome !== "deductions" && (
          <Facts
            facts={[
              { term: t.planPointsNeeded, value: fmt(t.pointsValue, { value: fixed(plan.pointsNeeded) }) },
              { term: t.planSteps, value: fmt(t.planStepsValue, { n: plan.steps }) },
              {
                term: t.planProjected,
                value: fmt(t.scoreAndGrade, {
                  score: fixed(plan.projected.finalScore),
                  grade: grade(plan.projected.grade),
                }),
              },
            ]}
          />
        )}
      </section>
      {plan.raises.length > 0 && (
        <section className={styles.section} aria-labelledby="starscore-plan-raises">
          <Subtitle2 as="h3" id="starscore-plan-raises" className={styles.heading}>
            {t.planRaisesHeading}
          </Subtitle2>
          <DataTable
            labelledBy="starscore-plan-raises"
            rows={plan.raises}
            rowKey={(r) => r.code}
            columns={[
              {
                header: t.colItem,
                cell: (r) => <ItemTitle code={r.code} cell={cells[r.code]} lang={lang} />,
              },
              { header: t.colFrom, numeric: true, cell: (r) => planPercent(r.fromPercent) },
              { header: t.colTo, numeric: true, cell: (r) => planPercent(r.toPercent) },
              { header: t.colGain, numeric: true, cell: (r) => `+${fixed(r.gain)}` },
            ]}
          />
        </section>
      )}
      {headroom.length > 0 && (
        <section className={styles.section} aria-labelledby="starscore-plan-headroom">
          <Subtitle2 as="h3" id="starscore-plan-headroom" className={styles.heading}>
            {fmt(t.planHeadroomHeading, { n: headroom.length })}
          </Subtitle2>
          <DataTable
            labelledBy="starscore-plan-headroom"
            rows={headroom}
            rowKey={(r) => r.code}
            columns={[
              {
                header: t.colItem,
                cell: (r) => <ItemTitle code={r.code} cell={cells[r.code]} lang={lang} />,
              },
              { header: t.colPoints, numeric: true, cell: (r) => points(r.points) },
              { header: t.colFrom, numeric: true, cell: (r) => planPercent(r.percent) },
              { header: t.colHeadroom, numeric: true, cell: (r) => `+${fixed(r.headroom)}` },
            ]}
          />
        </section>
      )}
    </>
  );
}

/** An item's code (going to its row) and its title from the catalogue, once that has loaded. */
export function ItemTitle({ code, cell, lang }: { code: string; cell?: string | undefined; lang: Lang }) {
  const items = useItems();
  const title = items?.find((i) => i.code === code)?.title[lang];
  return (
    <>
      <ItemLink code={code} cell={cell} />
      {title && <> {title}</>}
    </>
  );
}
