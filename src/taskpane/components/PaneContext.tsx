import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import type { StarScoreHost } from "../actions/types";
import { fmt, type Lang, type MessageKey, type Messages } from "../i18n";
import { describeError, errorSummary } from "./errors";
import type { ViewId } from "./views";

/**
 * The pane-wide mechanisms every view uses, so that a new view gets them by calling a hook:
 *
 * - Status belongs to its view. Each view has its own status line (role="status"); an action
 *   writes to the line of the view it was started from, so a message never shows on another view.
 * - One action at a time per workbook. A user action (anything not `quiet`) holds the pane's one
 *   action lock while it runs; the other views' actions are refused meanwhile (their buttons say
 *   so by `blocked`, their status lines by what is running where). Background reads (whether the
 *   workbook exists, the selection, auto-validation) do not take the lock.
 * - The name asked once, in one place. The person the audit log names is the pane's (the person
 *   field under the navigation, remembered between sessions); a `logged` action without a name
 *   is not started: the field opens and takes the focus. The action's task receives the name.
 */

/** What a status line shows: a text in the pane's current language, with a spinner while busy. */
export interface PaneStatus {
  busy: boolean;
  text: (t: Messages, lang: Lang) => string;
}

/** The action holding the lock: which view started it and what it says while it runs. */
export interface RunningAction {
  view: ViewId;
  busy: (t: Messages) => string;
}

/** Whether the open workbook has StarScore's sheets, as last checked. */
export type WorkbookPresence = "checking" | "absent" | "present" | "unknown";

export interface PaneContextValue {
  host: StarScoreHost;
  lang: Lang;
  t: Messages;
  /** Bumped whenever the pane changed the workbook's structure (generate, add an evaluator). */
  workbookVersion: number;
  workbookChanged: () => void;
  /** Whether StarScore's sheets are there, re-checked when a view is shown and after workbookChanged. */
  workbook: WorkbookPresence;
  /** Why the last check failed, when it did. */
  workbookFailure: unknown;
  recheckWorkbook: () => void;
  selectView: (view: ViewId) => void;
  /** The name the audit log records for every logged action ("" until it is entered). */
  person: string;
  setPerson: (name: string) => void;
  /** Opens the person field and moves the focus to it. */
  askPerson: () => void;
  /** The user action under way, if any. */
  running: RunningAction | null;
  /** Takes the action lock; false when another action holds it. */
  acquire: (action: RunningAction) => boolean;
  release: () => void;
  /** Sets a view's status line. */
  setStatus: (view: ViewId, status: PaneStatus | null) => void;
}

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  if (!value) throw new Error("StarScore: a view was rendered outside its PaneContext");
  return value;
}

/** The view a component belongs to (the Workspace provides it around each view). */
export interface ViewContextValue {
  id: ViewId;
  active: boolean;
}

export const ViewContext = createContext<ViewContextValue | null>(null);

export function useView(): ViewContextValue {
  const value = useContext(ViewContext);
  if (!value) throw new Error("StarScore: a view's component was rendered outside its view");
  return value;
}

/** This view's status line: set or clear it. */
export function useViewStatus(): (status: PaneStatus | null) => void {
  const { setStatus } = usePane();
  const { id } = useView();
  return useCallback((status: PaneStatus | null) => setStatus(id, status), [setStatus, id]);
}

/**
 * For a logged action: true when the pane knows who is acting; otherwise the person field opens
 * with the focus, this view's status line says why, and false.
 */
export function useRequirePerson(): () => boolean {
  const { person, askPerson, setStatus } = usePane();
  const { id } = useView();
  return useCallback(() => {
    if (person.trim()) return true;
    askPerson();
    setStatus(id, { busy: false, text: (t) => t.personNeeded });
    return false;
  }, [person, askPerson, setStatus, id]);
}

/** A failed action: which one (its title) and what was thrown, rendered in the current language. */
export interface ActionFailure {
  title: MessageKey;
  error: unknown;
}

export interface ActionOptions<R> {
  /** What the status line says while the action runs. */
  busy: (t: Messages) => string;
  /** What it says once the action succeeded; nothing changes when omitted. */
  done?: (t: Messages, result: R, lang: Lang) => string;
  /** The title of the error message bar when the action fails. */
  failed: MessageKey;
  /**
   * A background run (auto-validation, reading the selection): no busy message, no lock, no name
   * needed. Everything else is a user action: it holds the lock while it runs.
   */
  quiet?: boolean;
  /** The action appends to the audit log: it needs the person's name. */
  logged?: boolean;
}

/**
 * One action against the host: while it runs, `running` is true (the view shows a spinner in its
 * button) and its status line says so; `blocked` is true while another view's action runs (the
 * view disables its buttons). A failure is kept in `failure` for an error message bar and told in
 * the status line. Resolves with the task's result, or undefined when it failed or did not start.
 */
export function useAction() {
  const pane = usePane();
  const { id: view } = useView();
  const { setStatus, acquire, release, person } = pane;
  const requirePerson = useRequirePerson();
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async <R,>(options: ActionOptions<R>, task: (person: string) => Promise<R>): Promise<R | undefined> => {
      const name = person.trim();
      if (!options.quiet) {
        if (options.logged && !requirePerson()) return undefined;
        if (!acquire({ view, busy: options.busy })) return undefined;
      }
      setRunning(true);
      setFailure(null);
      if (!options.quiet) setStatus(view, { busy: true, text: options.busy });
      try {
        const result = await task(name);
        const { done } = options;
        if (done) setStatus(view, { busy: false, text: (t, lang) => done(t, result, lang) });
        else if (!options.quiet) setStatus(view, null);
        return result;
      } catch (error) {
        if (mounted.current) setFailure({ title: options.failed, error });
        setStatus(view, {
          busy: false,
          text: (t, lang) => {
            const description = describeError(error, lang);
            return fmt(t.statusFailed, {
              title: description.title ?? t[options.failed],
              text: errorSummary(description),
            });
          },
        });
        return undefined;
      } finally {
        if (!options.quiet) release();
        if (mounted.current) setRunning(false);
      }
    },
    [acquire, requirePerson, person, release, setStatus, view],
  );

  const clearFailure = useCallback(() => setFailure(null), []);
  const blocked = pane.running !== null && !running;
  return { running, blocked, failure, run, clearFailure };
}

/**
 * Subscribes to a host event while `enabled`, resubscribing when `key` changes; the listener may
 * change between renders without resubscribing. A subscription that fails (no StarScore sheets yet)
 * is simply absent: the views also offer a button for the same thing.
 */
export function useHostEvent(
  /** Calls the host's method (host.onChanged(listener)), so that it keeps its `this`. */
  subscribe: (listener: () => void) => Promise<() => void>,
  listener: () => void,
  enabled: boolean,
  key: unknown,
): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    let cancelled = false;
    let unsubscribe: (() => void) | undefined;
    subscribe(() => {
      if (!cancelled) latest.current();
    }).then(
      (off) => {
        if (cancelled) safely(off);
        else unsubscribe = off;
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
      if (unsubscribe) safely(unsubscribe);
    };
  }, [subscribe, enabled, key]);
}

function safely(off: () => unknown): void {
  try {
    const result = off();
    if (result instanceof Promise) result.catch(() => undefined);
  } catch {
    // Unsubscribing from a closed workbook fails; there is nothing left to do.
  }
}

/**
 * Calls `listener` once the workbook has been left alone for `delayMs` after an edit (debounced
 * host.onChanged), while `enabled`: for views that keep something about the workbook up to date.
 */
export function useWorkbookEdits(listener: () => void, enabled: boolean, delayMs: number): void {
  const { host, workbookVersion } = usePane();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  const subscribe = useCallback((l: () => void) => host.onChanged(l), [host]);
  const onChanged = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), delayMs);
  }, [delayMs]);
  useHostEvent(subscribe, onChanged, enabled, workbookVersion);
  useEffect(() => {
    if (!enabled) clearTimeout(timer.current);
  }, [enabled]);
  useEffect(() => () => clearTimeout(timer.current), []);
}

/** Moves the focus to an element after React has rendered it (a result heading, an error bar). */
export function focusSoon(element: () => HTMLElement | null | undefined): void {
  setTimeout(() => element()?.focus(), 0);
}
