/* global Office */
import { MANIFEST_EXCEL_API } from "./excel/api-sets";

/** What the task pane needs to know about the Office host it runs in. */
export interface OfficeEnvironment {
  /** Office.context.host reported by Office.onReady: "Excel" inside Excel, null in a plain browser. */
  host: string | null;
  /** Whether the manifest's ExcelApi set (1.8) is available (false outside Excel). */
  excelApiSupported: boolean;
  /** Office's UI language, or the browser's outside Office. */
  displayLanguage: string | undefined;
  /** Whether the Office theme has a dark background. */
  dark: boolean;
}

/**
 * Resolves with the host once Office.js is ready. Office.onReady resolves with host null in a plain
 * browser; the timeout covers office.js failing to load or never answering.
 */
export function waitForOffice(timeoutMs = 5000): Promise<string | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const done = (host: string | null) => {
      clearTimeout(timer);
      resolve(host);
    };
    Office.onReady().then(
      // The HostType values are strings at run time ("Excel"), though the typings declare a plain enum.
      (info) => done((info.host as unknown as string | null) ?? null),
      () => done(null),
    );
  });
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** True when a CSS hex colour (#rgb or #rrggbb) is darker than mid grey (relative luminance below 0.18, L* ≈ 50). */
export function isDarkColor(color: string | undefined): boolean {
  const hex = color?.trim().replace(/^#/, "") ?? "";
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.18;
}

/** Reads the environment after Office.onReady; safe in a plain browser, where Office.context is empty. */
export function readOfficeEnvironment(host: string | null): OfficeEnvironment {
  const inOffice = host !== null && typeof Office !== "undefined";
  const context = inOffice ? attempt(() => Office.context) : undefined;
  return {
    host,
    excelApiSupported:
      host === "Excel" &&
      attempt(() => context?.requirements.isSetSupported("ExcelApi", MANIFEST_EXCEL_API)) === true,
    displayLanguage:
      attempt(() => context?.displayLanguage) ??
      (typeof navigator === "undefined" ? undefined : navigator.language),
    dark: isDarkColor(attempt(() => context?.officeTheme?.bodyBackgroundColor)),
  };
}

/**
 * Office.context.platform (Office.PlatformType: "PC", "OfficeOnline", "Mac", "iOS", "Android",
 * "Universal"), undefined outside Office: whether a task pane may download a file depends on it
 * (src/taskpane/model/report.ts downloadsAllowed).
 */
export function officePlatform(): string | undefined {
  if (typeof Office === "undefined") return undefined;
  return attempt(() => Office.context?.platform as unknown as string | undefined) ?? undefined;
}
