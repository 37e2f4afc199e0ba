import { forwardRef } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import { describeError } from "./errors";
import { usePane, type ActionFailure } from "./PaneContext";

const useStyles = makeStyles({
  list: { margin: "4px 0", paddingInlineStart: "20px" },
});

/**
 * A failed action as a Fluent error MessageBar, in the pane's current language. Focusable
 * (tabIndex -1) so that a view can move the focus to it after a failure.
 */
export const ErrorBar = forwardRef<HTMLDivElement, { failure: ActionFailure }>(function ErrorBar(
  { failure },
  ref,
) {
  const styles = useStyles();
  const { t, lang } = usePane();
  const description = describeError(failure.error, lang);
  return (
    <MessageBar ref={ref} tabIndex={-1} intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{description.title ?? t[failure.title]}</MessageBarTitle>
        {description.details.length > 0 && (
          <ul className={styles.list}>
            {description.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        )}
        {description.text}
      </MessageBarBody>
    </MessageBar>
  );
});
