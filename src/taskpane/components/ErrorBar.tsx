import { forwardRef } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { issueOverview } from "../model/issues";
import { useItems } from "./catalogue";
import { describeError } from "./errors";
import { IssueGroups, UnscoredLine } from "./IssueList";
import { Notice } from "./Notice";
import { usePane, type ActionFailure } from "./PaneContext";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingInlineStart: tokens.spacingHorizontalXL },
});

/**
 * A failed action as a Fluent error message bar, in the pane's current language, with the issues
 * it refused with listed as Validate lists them. Focusable, so that a view can move the focus to it
 * after a failure. The issue groups' headings are h4 unless `level` says otherwise (an error bar
 * right under a view's h2 takes 3).
 */
export const ErrorBar = forwardRef<HTMLDivElement, { failure: ActionFailure; level?: 3 | 4 }>(
  function ErrorBar({ failure, level = 4 }, ref) {
    const styles = useStyles();
    const { t, lang } = usePane();
    const items = useItems();
    const description = describeError(failure.error, lang);
    const overview = issueOverview(description.issues, items);
    return (
      <Notice ref={ref} intent="error" title={description.title ?? t[failure.title]}>
        {description.details.length > 0 && (
          <ul className={styles.list}>
            {description.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        )}
        {description.text}
        {overview.unscored.length > 0 && (
          <div>
            <UnscoredLine unscored={overview.unscored} t={t} />
          </div>
        )}
        <IssueGroups
          groups={[...overview.errors, ...overview.warnings]}
          level={level}
          t={t}
          lang={lang}
          items={items}
        />
      </Notice>
    );
  },
);
