/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { ActionError } from "../../../src/taskpane/actions/errors";
import { messages } from "../../../src/taskpane/i18n";
import { shortDateTime } from "../../../src/taskpane/model/format";
import {
  DRAFT_STATUS,
  EMPTY_VALIDATION,
  FINALISED,
  VALIDATION,
  fakeHost,
  fakeWorkbookHost,
} from "./fake-host";
import {
  AXE_TIMEOUT_MS,
  axeViolations,
  openView,
  panel,
  renderPane,
  statusOf,
  chooseLanguage,
} from "./render";

const zh = messages.zh;
const en = messages.en;

const FINALISED_STATUS = {
  ...DRAFT_STATUS,
  state: "finalised" as const,
  record: FINALISED,
  log: [
    { time: FINALISED.finalisedAt, person: "王组长", action: "定稿", summary: "第 1 次定稿：87.46 三星级" },
    ...DRAFT_STATUS.log,
  ],
};

/** A workbook that validates clean unless told otherwise. */
const host = (overrides: Parameters<typeof fakeHost>[0] = {}) =>
  fakeWorkbookHost({ validate: jest.fn().mockResolvedValue(EMPTY_VALIDATION), ...overrides });

/** The state's sentence (its times are elements of their own, kept on one line). */
async function stateSays(shown: string | RegExp): Promise<void> {
  await waitFor(() => {
    const text = panel("finalise").querySelector("[data-state]")?.textContent ?? "";
    if (typeof shown === "string") expect(text).toBe(shown);
    else expect(text).toMatch(shown);
  });
}

async function finaliseView(h = host(), shown: string | RegExp = zh.stateDraft, person = "王组长") {
  await renderPane(h, {}, { person });
  const view = await openView("finalise");
  await stateSays(shown);
  return { host: h, view };
}

describe("Finalise view", () => {
  test("the state and the audit log's last rows, with local short times (point 10)", async () => {
    const { host: h, view } = await finaliseView();
    expect(h.finaliseStatus).toHaveBeenCalledTimes(1);
    expect(view.getByRole("heading", { level: 2, name: zh.finaliseHeading })).toBeTruthy();
    const rows = view.getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual([
      `${zh.colTime}${zh.colPerson}${zh.colAction}${zh.colSummary}`,
      `${shortDateTime("2025-03-14T09:20:00+08:00")}王组长计算87.46 三星级`,
      `${shortDateTime("2025-03-14T09:10:00+08:00")}王组长校验0 个错误，1 个警告`,
    ]);
    // The full time is kept, machine-readable.
    expect(rows[1]!.querySelector("time")!.getAttribute("datetime")).toBe("2025-03-14T09:20:00+08:00");
    expect(view.getByRole("button", { name: zh.reopenButton }).getAttribute("aria-disabled")).toBe("true");
  });

  test("before confirming: whether it can be finalised and the score it would freeze (point 5)", async () => {
    const { host: h, view } = await finaliseView();
    await view.findByText("校验没有发现错误，可以定稿。当前最终得分 87.46，三星级。");
    // Checked without a row in the audit log.
    expect(h.validate).toHaveBeenCalledWith({ background: true });
    fireEvent.click(view.getByRole("button", { name: zh.finaliseButton }));
    const dialog = view.getByRole("alertdialog", { name: zh.finaliseButton });
    expect(dialog.textContent).toContain("将冻结最终得分 87.46（三星级）");
    expect(dialog.textContent).toContain("“王组长”");
    expect(h.finalise).not.toHaveBeenCalled();
  });

  test("errors block it: their count and list before any confirmation, in Validate's grouping and order (points 5, 8)", async () => {
    const { host: h, view } = await finaliseView(host({ validate: jest.fn().mockResolvedValue(VALIDATION) }));
    await view.findByText("有 4 个错误须先修正，才能定稿：");
    const button = view.getByRole("button", { name: zh.finaliseButton });
    expect(button.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(button);
    expect(view.queryByRole("alertdialog")).toBeNull();
    expect(h.finalise).not.toHaveBeenCalled();
    // The unscored item as one line; the others grouped as Validate groups them.
    expect(view.getByRole("button", { name: /^1 个项目尚无有效评分：A3。/ })).toBeTruthy();
    await view.findByRole("heading", { level: 4, name: "B6 安装调试" });
    expect(view.getAllByRole("heading", { level: 4 }).map((h4) => h4.textContent)).toEqual([
      "B6 安装调试",
      "5.2.3 配送",
    ]);
  });

  test("the errors' list follows the workbook: fixed in Excel, it clears without another attempt (point 2)", async () => {
    jest.useFakeTimers();
    try {
      const refusal = new ActionError(
        { zh: "校验发现 1 个错误，不能定稿。", en: "Validation finds 1 error." },
        [VALIDATION.issues[0]!],
      );
      const h = host({
        validate: jest.fn().mockResolvedValue(EMPTY_VALIDATION),
        finalise: jest.fn().mockRejectedValue(refusal),
      });
      await renderPane(h);
      const view = await openView("finalise");
      await view.findByText(/^校验没有发现错误/);
      // Someone typed an error in meanwhile: finalising is refused with it.
      fireEvent.click(view.getByRole("button", { name: zh.finaliseButton }));
      fireEvent.click(view.getByRole("button", { name: zh.confirmButton }));
      await view.findByText("校验发现 1 个错误，不能定稿。");
      expect(view.getByRole("button", { name: /B6：评价人“张三”录入的 72/ })).toBeTruthy();
      // It is fixed in Excel: the view checks again after the edit, and the error bar goes.
      h.validate.mockClear();
      act(() => h.fireChanged());
      await act(async () => jest.advanceTimersByTime(800));
      expect(h.validate).toHaveBeenCalledWith({ background: true });
      await waitFor(() => expect(view.queryByText("校验发现 1 个错误，不能定稿。")).toBeNull());
      expect(view.getByText(/^校验没有发现错误/)).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });

  test("finalise: confirm, then the host is asked with the name and the state is read again", async () => {
    const h = host();
    const { view } = await finaliseView(h);
    await view.findByText(/^校验没有发现错误/);
    h.finaliseStatus.mockResolvedValue(FINALISED_STATUS);
    fireEvent.click(view.getByRole("button", { name: zh.finaliseButton }));
    fireEvent.click(view.getByRole("button", { name: zh.confirmButton }));
    await stateSays(
      `已定稿：王组长，${shortDateTime(FINALISED.finalisedAt)}（第 1 次定稿）。最终得分 87.46，三星级。`,
    );
    // The time is one unbreakable element, with its full value (point 10).
    const time = panel("finalise").querySelector("[data-state] time")!;
    expect([time.getAttribute("datetime"), time.getAttribute("title")]).toEqual([
      FINALISED.finalisedAt,
      FINALISED.finalisedAt,
    ]);
    expect(h.finalise).toHaveBeenCalledWith("王组长");
    expect(h.finaliseStatus).toHaveBeenCalledTimes(2);
    expect(statusOf("finalise").textContent).toBe("已定稿：最终得分 87.46，三星级。");
    expect(view.getByText(`录入内容 SHA-256：${FINALISED.entriesHash}`)).toBeTruthy();
    expect(view.getByRole("button", { name: zh.finaliseButton }).getAttribute("aria-disabled")).toBe("true");
    expect(view.getByRole("button", { name: zh.reopenButton }).getAttribute("aria-disabled")).toBeNull();
  });

  test("the confirmation: Escape cancels, and Cancel or Escape gives the focus back to its button (point 13)", async () => {
    const { host: h, view } = await finaliseView();
    await view.findByText(/^校验没有发现错误/);
    const opener = view.getByRole("button", { name: zh.finaliseButton });
    fireEvent.click(opener);
    const confirm = view.getByRole("button", { name: zh.confirmButton });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.keyDown(confirm, { key: "Escape" });
    expect(view.queryByRole("alertdialog")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(opener));

    fireEvent.click(opener);
    fireEvent.click(view.getByRole("button", { name: zh.cancelButton }));
    expect(view.queryByRole("alertdialog")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect(h.finalise).not.toHaveBeenCalled();
  });

  test("without a name, finalising asks for it in the pane's person field first (point 9)", async () => {
    const { host: h, view } = await finaliseView(host(), zh.stateDraft, "");
    await view.findByText(/^校验没有发现错误/);
    fireEvent.click(view.getByRole("button", { name: zh.finaliseButton }));
    expect(view.queryByRole("alertdialog")).toBeNull();
    const person = screen.getByLabelText(zh.personLabel, { exact: false });
    await waitFor(() => expect(document.activeElement).toBe(person));
    expect(statusOf("finalise").textContent).toBe(zh.personNeeded);
    expect(h.finalise).not.toHaveBeenCalled();
  });

  test("refused by validation errors: the errors are listed, each going to its cell", async () => {
    const refusal = new ActionError(
      { zh: "校验发现 1 个错误，不能定稿。", en: "Validation finds 1 error." },
      [
        {
          code: "entry-off-step",
          severity: "error",
          item: "B6",
          cell: "'评分'!H10",
          message: { zh: "B6：录入的 72 不是步长 5 的倍数。", en: "B6: 72 is not a multiple of the step 5." },
        },
      ],
    );
    const h = host({ finalise: jest.fn().mockRejectedValue(refusal) });
    const { view } = await finaliseView(h);
    await view.findByText(/^校验没有发现错误/);
    fireEvent.click(view.getByRole("button", { name: zh.finaliseButton }));
    fireEvent.click(view.getByRole("button", { name: zh.confirmButton }));
    await view.findByText(zh.finaliseFailed);
    expect(view.getByText("校验发现 1 个错误，不能定稿。")).toBeTruthy();
    fireEvent.click(view.getByRole("button", { name: /B6：录入的 72/ }));
    await waitFor(() => expect(h.selectCell).toHaveBeenCalledWith("'评分'!H10"));
  });

  test("reopen asks for a reason and logs it, in English", async () => {
    const h = host({ finaliseStatus: jest.fn().mockResolvedValue(FINALISED_STATUS) });
    await renderPane(h, {}, { person: "Lead" });
    chooseLanguage("en");
    const view = await openView("finalise", "en");
    await stateSays(/^Finalised by 王组长 at .* \(finalisation 1\)/);
    h.finaliseStatus.mockResolvedValue({
      ...FINALISED_STATUS,
      state: "reopened",
      record: {
        ...FINALISED,
        status: "reopened",
        reopenedAt: "2025-03-15T08:00:00+08:00",
        reopenedBy: "Lead",
      },
    });
    fireEvent.click(view.getByRole("button", { name: en.reopenButton }));
    expect(view.getByRole("alertdialog").textContent).toContain("“Lead”");
    const reason = view.getByRole("textbox", { name: new RegExp(en.reopenReasonLabel) });
    await waitFor(() => expect(document.activeElement).toBe(reason));
    fireEvent.click(view.getByRole("button", { name: en.confirmButton }));
    expect(view.getByText(en.reopenReasonRequired)).toBeTruthy();
    expect(h.reopen).not.toHaveBeenCalled();
    fireEvent.change(reason, { target: { value: "The client sent a missing record" } });
    fireEvent.click(view.getByRole("button", { name: en.confirmButton }));
    await stateSays(
      `Reopened: finalisation 1 (王组长, ${shortDateTime(FINALISED.finalisedAt)}) was reopened at ${shortDateTime("2025-03-15T08:00:00+08:00")} by Lead.`,
    );
    expect(h.reopen).toHaveBeenCalledWith("Lead", "The client sent a missing record");
    expect(statusOf("finalise").textContent).toBe(en.reopenedDone);
  });

  test("the review state (issue 12): approved or returned with who, when and the comment; a reopening's reason", async () => {
    const reviewed = { reviewedBy: "李经理", reviewedAt: "2025-03-15T10:00:00+08:00" };
    const h = host({
      finaliseStatus: jest.fn().mockResolvedValue({
        ...FINALISED_STATUS,
        review: { state: "approved", n: 1, finalisedBy: "王组长", ...reviewed, comment: "同意发证" },
      }),
    });
    const { view } = await finaliseView(h, /^已定稿：王组长/);
    const review = () => panel("finalise").querySelector("[data-review-state]");
    await waitFor(() =>
      expect(review()?.textContent).toBe(
        `已审核通过：李经理，${shortDateTime(reviewed.reviewedAt)}（第 1 次定稿）。`,
      ),
    );
    expect(review()!.getAttribute("data-review-state")).toBe("approved");
    expect(view.getByText("意见：同意发证")).toBeTruthy();
    h.finaliseStatus.mockResolvedValue({
      ...FINALISED_STATUS,
      state: "reopened",
      record: { ...FINALISED, status: "reopened", reopenedBy: "李经理", reopenedAt: reviewed.reviewedAt },
      review: { state: "returned", n: 1, finalisedBy: "王组长", ...reviewed, comment: "B3 证据不足" },
    });
    fireEvent.click(view.getByRole("button", { name: zh.finaliseRefresh }));
    await waitFor(() => expect(review()?.getAttribute("data-review-state")).toBe("returned"));
    expect(review()!.textContent).toMatch(/^已退回：李经理，.*工作簿已重新开放。$/);
    expect(view.getByText("意见：B3 证据不足")).toBeTruthy();
    h.finaliseStatus.mockResolvedValue({
      ...FINALISED_STATUS,
      state: "reopened",
      record: { ...FINALISED, status: "reopened", reopenedBy: "王组长", reopenedAt: reviewed.reviewedAt },
      review: {
        state: "draft",
        n: 1,
        reopenedBy: "王组长",
        reopenedAt: reviewed.reviewedAt,
        reason: "补充暗访",
      },
    });
    fireEvent.click(view.getByRole("button", { name: zh.finaliseRefresh }));
    await view.findByText("原因：补充暗访");
    expect(review()).toBeNull();
  });

  test("a workbook without StarScore's sheets, or without a log", async () => {
    const h = host({
      finaliseStatus: jest.fn().mockResolvedValue({ ...DRAFT_STATUS, workbook: false, log: [] }),
    });
    await renderPane(h);
    const view = await openView("finalise");
    await view.findByText(zh.noWorkbookTitle);
    expect(view.getByRole("button", { name: zh.finaliseButton }).getAttribute("aria-disabled")).toBe("true");
    h.finaliseStatus.mockResolvedValue({ ...DRAFT_STATUS, hasLog: false, log: [] });
    fireEvent.click(view.getByRole("button", { name: zh.finaliseRefresh }));
    await view.findByText(zh.auditLogMissing);
  });

  test(
    "no axe violations of any impact",
    async () => {
      const { view } = await finaliseView(
        host({ finaliseStatus: jest.fn().mockResolvedValue(FINALISED_STATUS) }),
        /^已定稿/,
      );
      // What axe checks: the finalised state, its log table and a live reopen button.
      expect(view.getAllByRole("row")).toHaveLength(1 + FINALISED_STATUS.log.length);
      expect(view.getByRole("button", { name: zh.reopenButton }).getAttribute("aria-disabled")).not.toBe(
        "true",
      );
      expect(await axeViolations(panel("finalise"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  test(
    "no axe violations of any impact: the confirmation open",
    async () => {
      const { view } = await finaliseView();
      await view.findByText(/^校验没有发现错误/);
      fireEvent.click(view.getByRole("button", { name: zh.finaliseButton }));
      expect(view.getByRole("alertdialog")).toBeTruthy();
      expect(await axeViolations(panel("finalise"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  test(
    "no axe violations of any impact: errors blocking",
    async () => {
      const { view } = await finaliseView(host({ validate: jest.fn().mockResolvedValue(VALIDATION) }));
      await view.findByText("有 4 个错误须先修正，才能定稿：");
      expect(await axeViolations(panel("finalise"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
