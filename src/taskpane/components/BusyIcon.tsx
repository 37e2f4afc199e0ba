import { Spinner } from "@fluentui/react-components";

/**
 * The spinner inside a running action's button. Hidden from assistive technology: the button is
 * aria-disabled meanwhile and the status area announces what is running.
 */
export function BusyIcon() {
  return <Spinner size="tiny" aria-hidden />;
}
