import { Suspense, useCallback, useEffect, useRef, useState } from "react";
import {
  Spinner,
  Tab,
  TabList,
  createFocusOutlineStyle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { loadPersonName, savePersonName } from "../actions/audit-log";
import type { StarScoreHost } from "../actions/types";
import { fmt, type Lang, type Messages } from "../i18n";
import {
  PaneContext,
  ViewContext,
  focusSoon,
  type PaneContextValue,
  type PaneStatus,
  type RunningAction,
  type WorkbookPresence,
} from "./PaneContext";
import { PersonBar } from "./PersonBar";
import { StatusArea } from "./StatusArea";
import { STAGES, VIEWS, stageOf, viewEntry, viewsOf, type StageId, type ViewId } from "./views";

const useStyles = makeStyles({
  workspace: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  // The tabs' own padding lines their text up with the content.
  tabs: { marginInline: `calc(-1 * ${tokens.spacingHorizontalM})` },
  stage: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  subTabs: {
    marginInline: `calc(-1 * ${tokens.spacingHorizontalM})`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    ...createFocusOutlineStyle(),
  },
});

export interface WorkspaceProps {
  host: StarScoreHost;
  lang: Lang;
  t: Messages;
}

const stageTabId = (stage: StageId) => `starscore-stage-${stage}`;
const stagePanelId = (stage: StageId) => `starscore-stage-panel-${stage}`;
const viewTabId = (view: ViewId) => `starscore-tab-${view}`;
export const viewPanelId = (view: ViewId) => `starscore-panel-${view}`;

const FIRST_VIEW: ViewId = VIEWS[0].id;

/**
 * The views under two levels of Fluent TabLists (arrow keys move between tabs, each tab controls
 * its tabpanel; see views.ts for the stages and views): the audit's stages, and, for a stage with
 * several views, that stage's views. Above them, who is acting (the person field). Every view has
 * its own status line above it. A view is mounted on first visit (or at start) and then kept,
 * hidden, so that its results and its subscriptions (auto-validation) survive switching.
 */
export function Workspace({ host, lang, t }: WorkspaceProps) {
  const styles = useStyles();
  const [view, setView] = useState<ViewId>(FIRST_VIEW);
  const [lastOfStage, setLastOfStage] = useState<Partial<Record<StageId, ViewId>>>({});
  const [visited, setVisited] = useState<ReadonlySet<ViewId>>(
    () => new Set(VIEWS.filter((v) => "mountAtStart" in v && v.mountAtStart).map((v) => v.id)),
  );
  const show = useCallback((next: ViewId) => {
    setView(next);
    setLastOfStage((last) => ({ ...last, [stageOf(next)]: next }));
    setVisited((v) => (v.has(next) ? v : new Set([...v, next])));
  }, []);
  const selectView = useCallback(
    (next: ViewId) => {
      show(next);
      focusSoon(() => document.getElementById(viewPanelId(next)));
    },
    [show],
  );
  const selectStage = (stage: StageId) => show(lastOfStage[stage] ?? viewsOf(stage)[0]!.id);

  const [statuses, setStatuses] = useState<Partial<Record<ViewId, PaneStatus | null>>>({});
  const setStatus = useCallback(
    (of: ViewId, status: PaneStatus | null) => setStatuses((s) => ({ ...s, [of]: status })),
    [],
  );

  const lock = useRef<RunningAction | null>(null);
  const [running, setRunning] = useState<RunningAction | null>(null);
  const acquire = useCallback((action: RunningAction) => {
    if (lock.current) return false;
    lock.current = action;
    setRunning(action);
    return true;
  }, []);
  const release = useCallback(() => {
    lock.current = null;
    setRunning(null);
  }, []);

  const [person, setPersonValue] = useState(loadPersonName);
  const [askingPerson, setAskingPerson] = useState(() => loadPersonName().trim() === "");
  const [personPrompt, setPersonPrompt] = useState(0);
  const setPerson = useCallback((name: string) => {
    setPersonValue(name);
    savePersonName(name);
  }, []);
  const askPerson = useCallback(() => {
    setAskingPerson(true);
    setPersonPrompt((n) => n + 1);
  }, []);

  const [workbookVersion, setWorkbookVersion] = useState(0);
  const workbookChanged = useCallback(() => setWorkbookVersion((v) => v + 1), []);
  const [workbook, setWorkbook] = useState<WorkbookPresence>("checking");
  const [workbookFailure, setWorkbookFailure] = useState<unknown>(null);
  const [recheck, setRecheck] = useState(0);
  const recheckWorkbook = useCallback(() => setRecheck((n) => n + 1), []);
  // Whether StarScore's sheets are there: checked as each view is shown and after the pane changed them.
  useEffect(() => {
    let current = true;
    host.hasWorkbook().then(
      (present) => {
        if (!current) return;
        setWorkbook(present ? "present" : "absent");
        setWorkbookFailure(null);
      },
      (error: unknown) => {
        if (!current) return;
        setWorkbook("unknown");
        setWorkbookFailure(error ?? new Error("hasWorkbook failed"));
      },
    );
    return () => {
      current = false;
    };
  }, [host, view, workbookVersion, recheck]);

  // A new value on every render: the views are re-rendered with the Workspace anyway.
  const context: PaneContextValue = {
    host,
    lang,
    t,
    workbookVersion,
    workbookChanged,
    workbook,
    workbookFailure,
    recheckWorkbook,
    selectView,
    person,
    setPerson,
    askPerson,
    running,
    acquire,
    release,
    setStatus,
  };

  const currentStage = stageOf(view);
  /** A view's status line: its own message, or, while another view's action runs, that one. */
  const statusOf = (id: ViewId): PaneStatus | null => {
    if (running && running.view !== id) {
      const other = running;
      return {
        busy: true,
        text: (t) => fmt(t.busyElsewhere, { view: t[viewEntry(other.view).label], text: other.busy(t) }),
      };
    }
    return statuses[id] ?? null;
  };

  const panel = (id: ViewId, labelledBy: string) => {
    const entry = viewEntry(id);
    const View = entry.component;
    const active = view === id;
    return (
      <section
        key={id}
        id={viewPanelId(id)}
        role="tabpanel"
        aria-labelledby={labelledBy}
        hidden={!active}
        tabIndex={0}
        // Only the shown panel gets display: flex, which would override the hidden attribute.
        className={active ? styles.panel : undefined}
      >
        <StatusArea status={statusOf(id)} t={t} lang={lang} />
        {visited.has(id) && (
          <ViewContext.Provider value={{ id, active }}>
            <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
              <View active={active} />
            </Suspense>
          </ViewContext.Provider>
        )}
      </section>
    );
  };

  return (
    <PaneContext.Provider value={context}>
      <div className={styles.workspace}>
        <PersonBar
          person={person}
          onChange={setPerson}
          editing={askingPerson}
          onEditingChange={setAskingPerson}
          prompt={personPrompt}
          t={t}
        />
        <TabList
          className={styles.tabs}
          size="small"
          aria-label={t.tabListLabel}
          selectedValue={currentStage}
          onTabSelect={(_, data) => selectStage(data.value as StageId)}
        >
          {STAGES.map((stage) => {
            const views = viewsOf(stage.id);
            const controls = views.length > 1 ? stagePanelId(stage.id) : viewPanelId(views[0]!.id);
            return (
              <Tab key={stage.id} id={stageTabId(stage.id)} value={stage.id} aria-controls={controls}>
                {t[stage.label]}
              </Tab>
            );
          })}
        </TabList>
        {STAGES.map((stage) => {
          const views = viewsOf(stage.id);
          if (views.length === 1) return panel(views[0]!.id, stageTabId(stage.id));
          const shown = currentStage === stage.id;
          return (
            <div
              key={stage.id}
              id={stagePanelId(stage.id)}
              role="tabpanel"
              aria-labelledby={stageTabId(stage.id)}
              hidden={!shown}
              className={shown ? styles.stage : undefined}
            >
              <TabList
                className={styles.subTabs}
                size="small"
                appearance="subtle"
                aria-label={fmt(t.stageViewsLabel, { stage: t[stage.label] })}
                selectedValue={shown ? view : (lastOfStage[stage.id] ?? views[0]!.id)}
                onTabSelect={(_, data) => show(data.value as ViewId)}
              >
                {views.map((v) => (
                  <Tab key={v.id} id={viewTabId(v.id)} value={v.id} aria-controls={viewPanelId(v.id)}>
                    {t[v.label]}
                  </Tab>
                ))}
              </TabList>
              {views.map((v) => panel(v.id, viewTabId(v.id)))}
            </div>
          );
        })}
      </div>
    </PaneContext.Provider>
  );
}
