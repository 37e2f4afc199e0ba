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
 * after a failure.
 */
export const ErrorBar = forwardRef<HTMLDivElement, { failure: ActionFailure }>(function ErrorBar(
  { failure },
  ref,
) {
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
        level={4}
        t={t}
        lang={lang}
        items={items}
      />
    </Notice>
  );
});
