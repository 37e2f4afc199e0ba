import { Link } from "@fluentui/react-components";
import { fmt } from "../i18n";
import { Notice } from "./Notice";
import { usePane } from "./PaneContext";
import { viewEntry, type ViewId } from "./views";

/** "Go to Validate": a link-styled button that shows another view and moves the focus there. */
export function ViewLink({ view }: { view: ViewId }) {
  const { t, selectView } = usePane();
  return (
    <Link as="button" onClick={() => selectView(view)}>
      {fmt(t.goToView, { view: t[viewEntry(view).label] })}
    </Link>
  );
}

/** What a view says on a workbook without StarScore's sheets: generate it first, with the way there. */
export function NoWorkbookNotice() {
  const { t } = usePane();
  return (
    <Notice intent="warning" title={t.noWorkbookTitle} actions={<ViewLink view="generate" />}>
      {t.noWorkbookBody}
    </Notice>
  );
}
