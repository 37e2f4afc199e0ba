import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { MessageKey } from "../i18n";

/**
 * The pane's navigation as data: the audit's stages, and the views in each. The Workspace draws
 * the stages as the main tabs and, for a stage with several views, the stage's views as a second
 * row of tabs; it mounts a view on its first visit (or at start, for `mountAtStart`) and keeps it
 * mounted, hidden, so its results and subscriptions survive switching.
 *
 * Adding a view is one entry in VIEWS: its id, its stage, its label (a key of i18n.ts) and its
 * component, loaded on demand with import() so that it is a chunk of its own and the pane's first
 * chunk does not grow (webpackPrefetch fetches it while the pane is idle). The stages are sized for
 * what comes: four short stage tabs fit a 320 px pane in both languages, and a stage's second row
 * holds two or three views (Results: Results, Plan, Compare; Sign-off: Finalise, Review), so eight
 * or nine destinations stay two rows of tabs with no overflow. An action that is not a destination
 * (merge evaluators' workbooks, a .docx report) belongs in the view of its stage (Set up, Results).
 */
export interface ViewProps {
  /** Whether the view is the one shown. */
  active: boolean;
}

export interface StageEntry {
  id: string;
  label: MessageKey;
}

export interface ViewEntry {
  id: string;
  stage: StageId;
  label: MessageKey;
  component: LazyExoticComponent<ComponentType<ViewProps>>;
  /** Mounted as the pane starts, not on first visit: a view that listens in the background. */
  mountAtStart?: boolean;
}

export const STAGES = [
  { id: "prepare", label: "stagePrepare" },
  { id: "score", label: "stageScore" },
  { id: "results", label: "stageResults" },
  { id: "signoff", label: "stageSignoff" },
] as const satisfies readonly StageEntry[];

export type StageId = (typeof STAGES)[number]["id"];

/** A view's component from its module's named export, as a chunk of its own. */
function view<K extends string>(
  load: () => Promise<Record<K, ComponentType<ViewProps>>>,
  name: K,
): LazyExoticComponent<ComponentType<ViewProps>> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

export const VIEWS = [
  {
    id: "generate",
    stage: "prepare",
    label: "tabGenerate",
    // The first view shown: requested at once, beside the host's chunk.
    mountAtStart: true,
    component: view(
      () => import(/* webpackChunkName: "view-generate" */ "./generate/GenerateView"),
      "GenerateView",
    ),
  },
  {
    id: "validate",
    stage: "score",
    label: "tabValidate",
    // Auto-validation listens to edits from the start.
    mountAtStart: true,
    component: view(
      () => import(/* webpackChunkName: "view-validate", webpackPrefetch: true */ "./ValidateView"),
      "ValidateView",
    ),
  },
  {
    id: "inspector",
    stage: "score",
    label: "tabInspector",
    // Carries the item catalogue and Appendix C.
    component: view(
      () => import(/* webpackChunkName: "view-inspector", webpackPrefetch: true */ "./InspectorView"),
      "InspectorView",
    ),
  },
  {
    id: "results",
    stage: "results",
    label: "tabResults",
    component: view(
      () => import(/* webpackChunkName: "view-results", webpackPrefetch: true */ "./ResultsView"),
      "ResultsView",
    ),
  },
  {
    id: "plan",
    stage: "results",
    label: "tabPlan",
    component: view(
      () => import(/* webpackChunkName: "view-plan", webpackPrefetch: true */ "./PlanView"),
      "PlanView",
    ),
  },
  {
    id: "compare",
    stage: "results",
    label: "tabCompare",
    component: view(
      () => import(/* webpackChunkName: "view-compare", webpackPrefetch: true */ "./CompareView"),
      "CompareView",
    ),
  },
  {
    id: "finalise",
    stage: "signoff",
    label: "tabFinalise",
    component: view(
      () => import(/* webpackChunkName: "view-finalise", webpackPrefetch: true */ "./FinaliseView"),
      "FinaliseView",
    ),
  },
  {
    id: "review",
    stage: "signoff",
    label: "tabReview",
    // The reviewing manager's: what to check on one screen, Approve and Return.
    component: view(
      () => import(/* webpackChunkName: "view-review", webpackPrefetch: true */ "./ReviewView"),
      "ReviewView",
    ),
  },
] as const satisfies readonly ViewEntry[];

export type ViewId = (typeof VIEWS)[number]["id"];

/** The views of a stage, in order. */
export function viewsOf(stage: StageId): readonly (typeof VIEWS)[number][] {
  return VIEWS.filter((v) => v.stage === stage);
}

export function stageOf(id: ViewId): StageId {
  return VIEWS.find((v) => v.id === id)!.stage;
}

export function viewEntry(id: ViewId): (typeof VIEWS)[number] {
  return VIEWS.find((v) => v.id === id)!;
}
