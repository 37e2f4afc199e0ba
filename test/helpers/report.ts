import PizZip from "pizzip";
import type { ReportModel } from "../../src/report/model";
import { unescapeXml } from "../../src/report/template";

/** The text of a .docx part (word/document.xml, a footer), one line per paragraph, entities undone. */
export function partText(docx: Uint8Array, part = "word/document.xml"): string {
  const xml = new PizZip(docx).file(part)?.asText();
  if (xml === undefined) throw new Error(`no ${part} in the document`);
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
        .map((m) => (m[0] === "<w:br/>" ? "\n" : m[1]))
        .join(""),
    )
    .filter((line) => line !== "")
    .map(unescapeXml)
    .join("\n");
}

/**
 * Every value issue 13 asks of the built-in report, from the model (whose figures test/report checks
 * against the engine): organisation, type and modes, dates, the team with each evaluator's total and
 * coverage, the result, every fail reason, the indicator table and the primary subtotals, the
 * exclusions with their reasons, the special deductions with their rectification, deadline and
 * status, the bonus with its reason, the lead auditor, the evaluators' agreement and the items in
 * disagreement, the last audit's rectifications with what was found, the finalisation and review
 * state, and (in the footer) the fingerprint.
 */
export function listedValues(m: ReportModel): { body: string[]; footer: string[] } {
  const body = [
    m.organization,
    m.assessmentType,
    m.modes,
    m.startDate,
    m.endDate,
    ...m.team.flatMap((e) => [e.name, e.kind, e.total, String(e.itemsScored), e.coverage]),
    m.finalScore,
    m.gradeLabel,
    m.passedLabel,
    m.rawScore,
    m.applicableTotal,
    m.scaledScore,
    m.deductionPoints,
    m.bonus,
    ...m.failReasons.map((r) => r.message),
    ...m.indicators.flatMap((i) => [i.id, i.name, i.weight, i.applicableMax, i.score, i.attainment]),
    ...m.primaries.flatMap((p) => [p.name, p.weight, p.applicableMax, p.score, p.attainment]),
    m.totalWeight,
    m.totalApplicableMax,
    m.totalScore,
    m.totalAttainment,
    ...m.exclusions.flatMap((e) => [e.key, e.name, e.reason]),
    ...m.deductions.flatMap((d) => [
      d.category,
      d.description,
      d.item,
      d.itemTitle,
      d.rectification,
      d.deadline,
      d.status,
    ]),
    ...m.bonuses.flatMap((b) => [b.points, b.reason]),
    m.leadAuditor,
    ...(m.hasAgreement
      ? m.agreement.flatMap((a) => [a.name, String(a.itemsScored), a.mean, a.teamMean, a.bias])
      : []),
    ...m.disagreements.flatMap((d) => [d.code, d.title, d.lowest, d.highest, String(d.spreadBands)]),
    ...m.followUps.flatMap((f) => [f.category, f.description, f.item, f.rectification, f.outcome, f.note]),
    m.stateLabel,
    ...(m.finalised ? [m.finalisedBy, m.finalisedAt, m.finalisedDate] : []),
    ...(m.reviewed ? [m.reviewedBy, m.reviewedAt, m.reviewComment] : []),
  ].filter((v) => v !== "");
  return { body, footer: [m.fingerprint, m.starscoreVersion] };
}
