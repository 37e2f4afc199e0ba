import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import type { StarScoreHost } from "../actions/types";
import { fmt, type Lang, type MessageKey, type Messages } from "../i18n";
import { describeError, errorSummary } from "./errors";

/** What the global status area shows: a text in the pane's current language, with a spinner while busy. */
export interface PaneStatus {
  busy: boolean;
  text: (t: Messages, lang: Lang) => string;
}

export type TabId = "generate" | "validate" | "results" | "inspector" | "finalise";

export interface PaneContextValue {
  host: StarScoreHost;
  lang: Lang;
  t: Messages;
  /** Shows a message in the global status area (role="status"), replacing the previous one. */
  setStatus: (status: PaneStatus | null) => void;
  /** Bumped whenever the pane changed the workbook's structure (generate, add an evaluator). */
  workbookVersion: number;
  workbookChanged: () => void;
  selectTab: (tab: TabId) => void;
}

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  if (!value) throw new Error("StarScore: a view was rendered outside its PaneContext");
  return value;
}

/** A failed action: which one (its title) and what was thrown, rendered in the current language. */
export interface ActionFailure {
  title: MessageKey;
  error: unknown;
}

export interface ActionOptions<R> {
  /** What the status area says while the action runs. */
  busy: (t: Messages) => string;
  /** What it says once the action succeeded; nothing changes when omitted. */
  done?: (t: Messages, result: R, lang: Lang) => string;
  /** The title of the error message bar when the action fails. */
  failed: MessageKey;
  /** A background run (auto-validation): no busy message in the status area. */
  quiet?: boolean;
}

/**
 * One user action against the host: while it runs, `running` is true (the view shows a spinner and
 * disables its button) and the status area says so; a failure is kept in `failure` for an error
 * message bar and announced in the status area. Resolves with the task's result, or undefined when
 * it failed.
 */
export function useAction() {
  const { setStatus } = usePane();
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
    async <R,>(options: ActionOptions<R>, task: () => Promise<R>): Promise<R | undefined> => {
      setRunning(true);
      setFailure(null);
      if (!options.quiet) setStatus({ busy: true, text: options.busy });
      try {
        const result = await task();
        const { done } = options;
        if (done) setStatus({ busy: false, text: (t, lang) => done(t, result, lang) });
        else if (!options.quiet) setStatus(null);
        return result;
      } catch (error) {
        if (mounted.current) setFailure({ title: options.failed, error });
        setStatus({
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
        if (mounted.current) setRunning(false);
      }
    },
    [setStatus],
  );

  const clearFailure = useCallback(() => setFailure(null), []);
  return { running, failure, run, clearFailure };
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

/** Moves the focus to an element after React has rendered it (a result heading, an error bar). */
export function focusSoon(element: () => HTMLElement | null | undefined): void {
  setTimeout(() => element()?.focus(), 0);
}
