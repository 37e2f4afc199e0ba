import { Body1, makeStyles } from "@fluentui/react-components";
import type { ReviewState } from "../../workbook/audit/review";
import { fmt, type Messages } from "../i18n";
import { shortDateTime } from "../model/format";
import { Formatted, Time } from "./Formatted";

const useStyles = makeStyles({ text: { margin: 0 } });

/**
 * The review state in words (Finalise and Review): draft (and, when reopened, who, when and why),
 * finalised awaiting review, approved or returned with the reviewer, the time and the comment.
 */
export function ReviewStateText({
  review,
  t,
  draft = true,
}: {
  review: ReviewState;
  t: Messages;
  /** Whether to say "draft" for a workbook never finalised (the Finalise view says it already). */
  draft?: boolean;
}) {
  const styles = useStyles();
  const who = (name: string | undefined) => name || t.noName;
  const at = (iso: string | undefined) => (iso ? <Time iso={iso} shown={shortDateTime(iso)} /> : "–");
  const line = (template: string, by: string | undefined, when: string | undefined) => (
    <Formatted template={template} text={{ by: who(by), n: review.n ?? "–" }} nodes={{ at: at(when) }} />
  );
  let text;
  let extra: string | undefined;
  switch (review.state) {
    case "draft":
      if (review.n === undefined) {
        if (!draft) return null;
        text = t.reviewStateDraft;
      } else {
        text = line(t.reviewStateReopened, review.reopenedBy, review.reopenedAt);
        if (review.reason) extra = fmt(t.reviewReason, { text: review.reason });
      }
      break;
    case "finalised":
      text = line(t.reviewStateFinalised, review.finalisedBy, review.finalisedAt);
      break;
    case "approved":
      text = line(t.reviewStateApproved, review.reviewedBy, review.reviewedAt);
      if (review.comment) extra = fmt(t.reviewComment, { text: review.comment });
      break;
    case "returned":
      text = line(t.reviewStateReturned, review.reviewedBy, review.reviewedAt);
      if (review.comment) extra = fmt(t.reviewComment, { text: review.comment });
      break;
  }
  return (
    <>
      <Body1 as="p" className={styles.text} data-review-state={review.state}>
        {text}
      </Body1>
      {extra && (
        <Body1 as="p" className={styles.text}>
          {extra}
        </Body1>
      )}
    </>
  );
}
