import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { SECONDARY_INDICATORS } from "../../spec/indicators";
import type { Item } from "../../spec/types";
import type { PaneIssue } from "../actions/types";
import { fmt, type Lang, type Messages } from "../i18n";
import { codeRuns, type IssueGroup } from "../model/issues";
import { IssueLink } from "./IssueLink";

const useStyles = makeStyles({
  group: {
    ...typographyStyles.subtitle2,
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
  },
  issues: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

/** "B6 安装调试", "5.2.3 配送", or "工作簿": the code, and the title once the catalogue is loaded. */
export function groupHeading(
  group: Pick<IssueGroup, "key" | "kind">,
  t: Messages,
  lang: Lang,
  items: readonly Item[] | null,
): string {
  if (group.key === null) return t.generalIssues;
  if (group.kind === "indicator") {
    const indicator = SECONDARY_INDICATORS.find((i) => i.id === group.key);
    return indicator ? `${indicator.id} ${indicator.name[lang]}` : group.key;
  }
  const item = items?.find((i) => i.code === group.key);
  return item ? `${group.key} ${item.title[lang]}` : group.key;
}

export interface IssueGroupsProps {
  groups: readonly IssueGroup[];
  /** The heading level of each group's title (under the list's own heading). */
  level: 3 | 4 | 5 | 6;
  t: Messages;
  lang: Lang;
  items: readonly Item[] | null;
}

/** Issue groups (model/issues.ts), each a heading and its issues, each issue going to its cell. */
export function IssueGroups({ groups, level, t, lang, items }: IssueGroupsProps) {
  const styles = useStyles();
  const Heading = `h${level}` as const;
  return (
    <>
      {groups.map((group) => (
        <div key={`${group.kind}:${group.key ?? ""}`}>
          <Heading className={styles.group}>{groupHeading(group, t, lang, items)}</Heading>
          <ul className={styles.issues}>
            {group.issues.map((issue, i) => (
              <li key={`${issue.code}-${issue.cell ?? ""}-${i}`}>
                <IssueLink text={issue.message[lang]} cell={issue.cell} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

/** The items nobody has scored yet, as one line going to the first one's cell. */
export function UnscoredLine({ unscored, t }: { unscored: readonly PaneIssue[]; t: Messages }) {
  if (unscored.length === 0) return null;
  const codes = unscored.flatMap((i) => (i.item ? [i.item] : []));
  const text = fmt(t.unscoredLine, { n: codes.length, list: codeRuns(codes).join(t.listSeparator) });
  return <IssueLink text={text} cell={unscored[0]?.cell} />;
}
