import { useCallback, useEffect, useRef, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Subtitle1,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import type { Severity } from "../../core/issues";
import type { Item } from "../../spec/types";
import type { PaneIssue, ValidationReport } from "../actions/types";
import { fmt, type Lang, type Messages } from "../i18n";
import { BusyIcon } from "./BusyIcon";
import { itemRank, useItems } from "./catalogue";
import { ErrorBar } from "./ErrorBar";
import { IssueLink } from "./IssueLink";
import { focusSoon, useAction, useHostEvent, usePane } from "./PaneContext";

/** How long after the last edit auto-validation runs. */
export const AUTO_VALIDATE_DELAY_MS = 800;

const useStyles = makeStyles({
  heading: { margin: 0 },
  focusHeading: { ...typographyStyles.subtitle2, margin: 0 },
  text: { margin: 0 },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  summary: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: "none" },
  group: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}` },
  issues: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

/** Issues of one severity, by item in catalogue order; issues about no item (the workbook) first. */
export interface IssueGroup {
  item: string | null;
  issues: PaneIssue[];
}

export function groupIssues(issues: readonly PaneIssue[], severity: Severity): IssueGroup[] {
  const groups = new Map<string | null, PaneIssue[]>();
  for (const issue of issues) {
    if (issue.severity !== severity) continue;
    const key = issue.item ?? null;
    groups.set(key, [...(groups.get(key) ?? []), issue]);
  }
  const rank = (item: string | null) => (item === null ? -1 : itemRank(item));
  return [...groups.entries()]
    .map(([item, list]) => ({ item, issues: list }))
    .sort((a, b) => rank(a.item) - rank(b.item) || String(a.item).localeCompare(String(b.item)));
}

/** "B6 安装调试": the code, and the title once the catalogue is loaded. */
export function itemHeading(
  code: string | null,
  t: Messages,
  lang: Lang,
  items: readonly Item[] | null,
): string {
  if (code === null) return t.generalIssues;
  const item = items?.find((i) => i.code === code);
  return item ? `${code} ${item.title[lang]}` : code;
}

const SEVERITIES: readonly { severity: Severity; label: "severityErrors" | "severityWarnings" }[] = [
  { severity: "error", label: "severityErrors" },
  { severity: "warning", label: "severityWarnings" },
];

export function ValidateView(_props: { active: boolean }) {
  const styles = useStyles();
  const { host, t, lang, setStatus, workbookVersion } = usePane();
  const validate = useAction();
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [auto, setAuto] = useState(true);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const errorBar = useRef<HTMLDivElement>(null);
  const latestRequest = useRef(0);
  const shownReport = useRef<ValidationReport | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const { run } = validate;
  const runValidation = useCallback(
    async (background: boolean) => {
      const request = ++latestRequest.current;
      const result = await run(
        {
          busy: (t) => t.validating,
          ...(!background && {
            done: (t: Messages, r: ValidationReport) =>
              fmt(t.validated, { errors: r.errors, warnings: r.warnings }),
          }),
          failed: "validateFailed",
          quiet: background,
        },
        // Auto-validation after each edit is not an action of the user's: it writes nothing (not
        // even the log), so the user's Ctrl+Z still undoes their own edit.
        () => host.validate(background ? { background: true } : undefined),
      );
      if (request !== latestRequest.current) return;
      if (result) {
        const previous = shownReport.current;
        shownReport.current = result;
        setReport(result);
        // A background run speaks only when the counts change: edits come often.
        if (
          background &&
          (!previous || previous.errors !== result.errors || previous.warnings !== result.warnings)
        ) {
          setStatus({
            busy: false,
            text: (t) => fmt(t.validated, { errors: result.errors, warnings: result.warnings }),
          });
        }
        if (!background) focusSoon(() => summaryHeading.current);
      } else if (!background) {
        focusSoon(() => errorBar.current);
      }
    },
    [host, run, setStatus],
  );

  const subscribe = useCallback((listener: () => void) => host.onChanged(listener), [host]);
  const onChanged = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void runValidation(true), AUTO_VALIDATE_DELAY_MS);
  }, [runValidation]);
  useHostEvent(subscribe, onChanged, auto, workbookVersion);
  useEffect(() => {
    if (!auto) clearTimeout(timer.current);
  }, [auto]);
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <>
      <Subtitle1 as="h2" className={styles.heading}>
        {t.validateHeading}
      </Subtitle1>
      <Body1 as="p" className={styles.text}>
        {t.validateIntro}
      </Body1>
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          disabledFocusable={validate.running}
          icon={validate.running ? <BusyIcon /> : undefined}
          onClick={() => void runValidation(false)}
        >
          {t.validateButton}
        </Button>
        <Switch
          checked={auto}
          label={t.autoValidate}
          aria-describedby="starscore-auto-validate-hint"
          onChange={(_, data) => setAuto(data.checked)}
        />
      </div>
      <Body1 as="p" id="starscore-auto-validate-hint" className={styles.text}>
        {t.autoValidateHint}
      </Body1>
      {validate.failure && <ErrorBar ref={errorBar} failure={validate.failure} />}
      <section className={styles.summary} aria-labelledby="starscore-validation-summary">
        <h3
          id="starscore-validation-summary"
          ref={summaryHeading}
          tabIndex={-1}
          className={styles.focusHeading}
        >
          {t.summaryHeading}
        </h3>
        {!report ? (
          <Body1 as="p" className={styles.text}>
            {t.notValidated}
          </Body1>
        ) : (
          <>
            <ul className={styles.counts}>
              <li>
                <Badge appearance={report.errors ? "filled" : "outline"} color="danger">
                  {t.errorsLabel}: {report.errors}
                </Badge>
              </li>
              <li>
                <Badge appearance={report.warnings ? "filled" : "outline"} color="warning">
                  {t.warningsLabel}: {report.warnings}
                </Badge>
              </li>
            </ul>
            {report.issues.length === 0 ? (
              <Body1 as="p" className={styles.text}>
                {t.noIssues}
              </Body1>
            ) : (
              <IssueList issues={report.issues} t={t} lang={lang} />
            )}
          </>
        )}
      </section>
    </>
  );
}

function IssueList({ issues, t, lang }: { issues: readonly PaneIssue[]; t: Messages; lang: Lang }) {
  const styles = useStyles();
  const items = useItems();
  const sections = SEVERITIES.map((s) => ({ ...s, groups: groupIssues(issues, s.severity) })).filter(
    (s) => s.groups.length > 0,
  );
  return (
    <Accordion multiple collapsible defaultOpenItems={SEVERITIES.map((s) => s.severity)}>
      {sections.map(({ severity, label, groups }) => (
        <AccordionItem key={severity} value={severity}>
          <AccordionHeader as="h4">
            {fmt(t[label], { n: groups.reduce((sum, g) => sum + g.issues.length, 0) })}
          </AccordionHeader>
          <AccordionPanel>
            {groups.map((group) => (
              <div key={group.item ?? ""}>
                <Subtitle2 as="h5" className={styles.group}>
                  {itemHeading(group.item, t, lang, items)}
                </Subtitle2>
                <ul className={styles.issues}>
                  {group.issues.map((issue, i) => (
                    <li key={`${issue.code}-${issue.cell ?? ""}-${i}`}>
                      <IssueLink text={issue.message[lang]} cell={issue.cell} />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
