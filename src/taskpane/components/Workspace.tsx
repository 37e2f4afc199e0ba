import { Suspense, lazy, useCallback, useMemo, useState } from "react";
import {
  Spinner,
  Tab,
  TabList,
  createFocusOutlineStyle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { StarScoreHost } from "../actions/types";
import type { Lang, MessageKey, Messages } from "../i18n";
import { FinaliseView } from "./FinaliseView";
import { GenerateView } from "./GenerateView";
import { PaneContext, type PaneContextValue, type PaneStatus, type TabId } from "./PaneContext";
import { ResultsView } from "./ResultsView";
import { StatusArea } from "./StatusArea";
import { ValidateView } from "./ValidateView";

const useStyles = makeStyles({
  workspace: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // The tabs' own padding lines their text up with the content; wraps only in a very narrow pane.
  tabs: { flexWrap: "wrap", marginInline: `calc(-1 * ${tokens.spacingHorizontalM})` },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    ...createFocusOutlineStyle(),
  },
});

/** The inspector carries the item catalogue and Appendix C: loaded when its tab is first opened. */
const InspectorView = lazy(() =>
  import(/* webpackChunkName: "inspector" */ "./InspectorView").then((m) => ({ default: m.InspectorView })),
);

const TABS: readonly { id: TabId; label: MessageKey }[] = [
  { id: "generate", label: "tabGenerate" },
  { id: "validate", label: "tabValidate" },
  { id: "results", label: "tabResults" },
  { id: "inspector", label: "tabInspector" },
  { id: "finalise", label: "tabFinalise" },
];

export interface WorkspaceProps {
  host: StarScoreHost;
  lang: Lang;
  t: Messages;
}

/**
 * The views of TABS under a Fluent TabList (arrow keys move between tabs, each tab controls its
 * tabpanel), with the global status area below the tabs. Every view stays mounted while hidden, so
 * that its results and its subscriptions (auto-validation) survive switching tabs.
 */
export function Workspace({ host, lang, t }: WorkspaceProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>("generate");
  // Views are mounted on first visit and then kept, hidden, so their state survives tab switches.
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(
    () => new Set(["generate", "validate", "results"]),
  );
  const selectTab = useCallback((next: TabId) => {
    setTab(next);
    setVisited((v) => (v.has(next) ? v : new Set([...v, next])));
  }, []);
  const [status, setStatus] = useState<PaneStatus | null>(null);
  const [workbookVersion, setWorkbookVersion] = useState(0);
  const workbookChanged = useCallback(() => setWorkbookVersion((v) => v + 1), []);

  const context = useMemo<PaneContextValue>(
    () => ({ host, lang, t, setStatus, workbookVersion, workbookChanged, selectTab }),
    [host, lang, t, workbookVersion, workbookChanged, selectTab],
  );

  return (
    <PaneContext.Provider value={context}>
      <div className={styles.workspace}>
        <TabList
          className={styles.tabs}
          size="small"
          aria-label={t.tabListLabel}
          selectedValue={tab}
          onTabSelect={(_, data) => selectTab(data.value as TabId)}
        >
          {TABS.map(({ id, label }) => (
            <Tab key={id} id={`starscore-tab-${id}`} value={id} aria-controls={`starscore-panel-${id}`}>
              {t[label]}
            </Tab>
          ))}
        </TabList>
        <StatusArea status={status} t={t} lang={lang} />
        {TABS.map(({ id }) => (
          <section
            key={id}
            id={`starscore-panel-${id}`}
            role="tabpanel"
            aria-labelledby={`starscore-tab-${id}`}
            hidden={tab !== id}
            tabIndex={0}
            // Only the shown panel gets display: flex, which would override the hidden attribute.
            className={tab === id ? styles.panel : undefined}
          >
            {id === "generate" && <GenerateView active={tab === id} />}
            {id === "validate" && <ValidateView active={tab === id} />}
            {id === "results" && <ResultsView active={tab === id} />}
            {id === "finalise" && <FinaliseView active={tab === id} />}
            {id === "inspector" && visited.has(id) && (
              <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
                <InspectorView active={tab === id} />
              </Suspense>
            )}
          </section>
        ))}
      </div>
    </PaneContext.Provider>
  );
}
