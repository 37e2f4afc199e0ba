import { forwardRef, type ReactNode } from "react";
import { Button, Spinner, type ButtonProps } from "@fluentui/react-components";
import type { useAction } from "./PaneContext";

/**
 * The spinner inside a running action's button. Hidden from assistive technology: the button is
 * aria-disabled meanwhile and the status line says what is running.
 */
export function BusyIcon() {
  return <Spinner size="tiny" aria-hidden />;
}

export interface ActionButtonProps {
  /** The action the button starts (useAction): the button waits while it or another action runs. */
  action: Pick<ReturnType<typeof useAction>, "running" | "blocked">;
  /** Why else it cannot be pressed now (no workbook, nothing to save). */
  unavailable?: boolean;
  /** Shows the spinner (default: while the action runs). */
  busy?: boolean;
  children: ReactNode;
  appearance?: ButtonProps["appearance"];
  type?: "button" | "submit";
  className?: string;
  onClick?: () => void;
  "aria-describedby"?: string;
}

/**
 * A button that starts an action: disabled while its action or another view's runs, still
 * focusable (aria-disabled), so the focus stays on it; the spinner inside while its action runs.
 */
export const ActionButton = forwardRef<HTMLButtonElement, ActionButtonProps>(function ActionButton(
  { action, unavailable = false, busy = action.running, ...props },
  ref,
) {
  return (
    <Button
      ref={ref}
      {...props}
      disabledFocusable={action.running || action.blocked || unavailable}
      icon={busy ? <BusyIcon /> : undefined}
    />
  );
});
