import type { Localised } from "../spec/types";

/**
 * Office's errors in words. An Office.js request that fails rejects with an OfficeExtension.Error
 * whose `code` is one of OfficeExtension.ErrorCodes or Excel.ErrorCodes ("InvalidOperation",
 * "ItemNotFound", …) and whose `message` is, in Microsoft's words, "not intended for consumption by
 * end users; you should use the error code and appropriate business logic to determine the error
 * message that your add-in shows to end users"
 * (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling,
 * "API errors" and "Error codes and messages"). So the pane never shows `message`: it says what the
 * code means here, and what to do. A leaf module, so that the views and the actions can both use it.
 */
const WORDS = {
  locked: {
    zh: "Excel 拒绝了这次写入：单元格已锁定或工作表受保护（例如工作簿已定稿）。",
    en: "Excel refused to write: the cell is locked or the sheet is protected (the workbook may be finalised).",
  },
  editMode: {
    zh: "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑，再重试。",
    en: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  },
  notFound: {
    zh: "找不到所需的工作表、单元格或名称：可能已被重命名或删除。",
    en: "A sheet, cell or name that is needed cannot be found: it may have been renamed or deleted.",
  },
  exists: {
    zh: "已有同名的工作表或名称。",
    en: "A sheet or name with that name already exists.",
  },
  denied: {
    zh: "Excel 拒绝了访问。请确认工作簿可以编辑（不是只读或受保护的视图），再重试。",
    en: "Excel denied access. Check that the workbook can be edited (not read-only or in Protected View), then try again.",
  },
  unsupported: {
    zh: "此版本的 Excel 不支持所需的功能。请改用较新的 Excel。",
    en: "This version of Excel does not support what is needed. Use a newer Excel.",
  },
  tooLarge: {
    zh: "请求超出了 Excel 的大小限制（Excel 网页版尤其如此）。请在桌面版 Excel 中重试。",
    en: "The request exceeds Excel's size limits (Excel on the web's especially). Try again in desktop Excel.",
  },
  inactive: {
    zh: "打开了多个工作簿，此工作簿已不是当前工作簿。请切换回此工作簿，再重试。",
    en: "Several workbooks are open and this one is no longer the active one. Switch back to it, then try again.",
  },
  conflict: {
    zh: "工作簿正被另一项操作修改（例如共同编辑）。请稍后重试。",
    en: "The workbook is being changed by something else (co-authoring, for instance). Try again in a moment.",
  },
  aborted: {
    zh: "Excel 中止了请求。请重试。",
    en: "Excel aborted the request. Try again.",
  },
  general: {
    zh: "Excel 未能完成此操作。请重试；若仍失败，请关闭并重新打开加载项。",
    en: "Excel could not complete the action. Try again; if it keeps failing, close the add-in and open it again.",
  },
} satisfies Record<string, Localised>;

/** The documented codes (OfficeExtension.ErrorCodes and Excel.ErrorCodes) StarScore can meet, by meaning. */
const CODES: Record<string, keyof typeof WORDS> = {
  InvalidOperation: "locked",
  InvalidOperationInCellEditMode: "editMode",
  ItemNotFound: "notFound",
  InvalidReference: "notFound",
  ItemAlreadyExists: "exists",
  AccessDenied: "denied",
  ApiNotFound: "unsupported",
  ApiNotAvailable: "unsupported",
  NotImplemented: "unsupported",
  UnsupportedOperation: "unsupported",
  UnsupportedFeature: "unsupported",
  UnsupportedSheet: "unsupported",
  RequestPayloadSizeLimitExceeded: "tooLarge",
  ResponsePayloadSizeLimitExceeded: "tooLarge",
  RangeExceedsLimit: "tooLarge",
  OperationCellsExceedLimit: "tooLarge",
  MemoryLimitReached: "tooLarge",
  InactiveWorkbook: "inactive",
  Conflict: "conflict",
  InsertDeleteConflict: "conflict",
  RequestAborted: "aborted",
  GeneralException: "general",
};

/**
 * What an Office error means, in both languages: by its code when the error has one (Office's
 * errors do), undefined for anything else.
 */
export function officeErrorWords(error: unknown): Localised | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== "string" || code === "") return undefined;
  return WORDS[CODES[code] ?? "general"];
}
