import { forwardRef, useId, type ReactNode } from "react";
import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarProps,
} from "@fluentui/react-components";

export interface NoticeProps {
  intent: NonNullable<MessageBarProps["intent"]>;
  title?: string;
  children?: ReactNode;
  /** Buttons or links after the text (a "Go to …" link). */
  actions?: ReactNode;
  /** Overrides the message bar's role (the confirmation's alertdialog). */
  role?: string;
  "aria-label"?: string;
  onKeyDown?: MessageBarProps["onKeyDown"];
}

/**
 * A Fluent MessageBar, always labelled. Fluent points the bar's aria-labelledby at its
 * MessageBarTitle's id, which does not exist when there is no title (axe: aria-valid-attr-value);
 * without a title the bar is labelled by its own text. Focusable (tabIndex -1), so that a view can
 * move the focus to it.
 */
export const Notice = forwardRef<HTMLDivElement, NoticeProps>(function Notice(
  { intent, title, children, actions, role, onKeyDown, ...rest },
  ref,
) {
  const bodyId = useId();
  const labelled = rest["aria-label"]
    ? { "aria-label": rest["aria-label"], "aria-labelledby": undefined }
    : {};
  return (
    <MessageBar
      ref={ref}
      tabIndex={-1}
      intent={intent}
      // The intent as an attribute too, for tests and the end-to-end checks (Fluent shows it by colour).
      data-intent={intent}
      layout="multiline"
      {...(role && { role })}
      {...(!title && !rest["aria-label"] && { "aria-labelledby": bodyId })}
      {...labelled}
      {...(onKeyDown && { onKeyDown })}
    >
      <MessageBarBody id={bodyId}>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {title && children ? " " : null}
        {children}
      </MessageBarBody>
      {actions && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
});
