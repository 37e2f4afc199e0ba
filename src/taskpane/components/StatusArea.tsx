import { Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang, Messages } from "../i18n";
import type { PaneStatus } from "./PaneContext";

const useStyles = makeStyles({
  status: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minHeight: "24px",
  },
  spinner: { flexShrink: 0 },
});

/**
 * A view's live region for its actions: what is running and how the last action ended. It stays
 * in the DOM while empty, so that screen readers register it before the first announcement.
 */
export function StatusArea({ status, t, lang }: { status: PaneStatus | null; t: Messages; lang: Lang }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" aria-label={t.statusRegionLabel} className={styles.status}>
      {status?.busy && <Spinner className={styles.spinner} size="extra-tiny" aria-hidden />}
      {status && <Caption1>{status.text(t, lang)}</Caption1>}
    </div>
  );
}
