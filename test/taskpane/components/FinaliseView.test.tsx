/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { ActionError } from "../../../src/taskpane/actions/errors";
import { messages } from "../../../src/taskpane/i18n";
import { DRAFT_STATUS, FINALISED, fakeHost } from "./fake-host";
import { AXE_TIMEOUT_MS, openTab, renderPane, seriousViolations } from "./render";

const zh = messages.zh;
const en = messages.en;
const NAME_KEY = "starscore.personName";

const FINALISED_STATUS = {
  ...DRAFT_STATUS,
  state: "finalised" as const,
  record: FINALISED,
  log: [
    { time: FINALISED.finalisedAt, person: "王组长", action: "定稿", summary: "第 1 次定稿：87.46 三星级" },
    ...DRAFT_STATUS.log,
  ],
};

async function finaliseTab(host = fakeHost(), shown: string | RegExp = zh.stateDraft) {
  await renderPane(host);
  const view = openTab(zh.tabFinalise, "finalise");
  await view.findByText(shown);
  return { host, view };
}

beforeEach(() => localStorage.clear());

describe("Finalise view", () => {
  test("the state, the name field and the audit log's last rows", async () => {
    localStorage.setItem(NAME_KEY, "王组长");
    const { host, view } = await finaliseTab();
    expect(host.finaliseStatus).toHaveBeenCalledTimes(1);
    expect(view.getByRole("heading", { level: 2, name: zh.finaliseHeading })).toBeTruthy();
    expect((view.getByRole("textbox", { name: new RegExp(zh.personLabel) }) as HTMLInputElement).value).toBe(
      "王组长",
    );
    const rows = view.getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual([
      `${zh.colTime}${zh.colPerson}${zh.colAction}${zh.colSummary}`,
      "2025-03-14T09:20:00+08:00王组长计算87.46 三星级",
      "2025-03-14T09:10:00+08:00王组长校验0 个错误，1 个警告",
    ]);
    expect(view.getByRole("button", { name: zh.reopenButton }).getAttribute("aria-disabled")).toBe("true");
  });

  test("the name is remembered as it is typed; finalise asks for it first", async () => {
    const { host, view } = await finaliseTab();
    fireEvent.click(view.getByRole("button", { name: zh.finaliseButton }));
    expect(view.getByText(zh.personRequired)).toBeTruthy();
    expect(host.finalise).not.toHaveBeenCalled();
    fireEvent.change(view.getByRole("textbox", { name: new RegExp(zh.personLabel) }), {
      target: { value: "=王组长" },
    });
    expect(localStorage.getItem(NAME_KEY)).toBe("=王组长");
    expect(view.queryByText(zh.personRequired)).toBeNull();
  });

  test("finalise: confirm, then the host is asked with the name and the state is read again", async () => {
    localStorage.setItem(NAME_KEY, "王组长");
    const host = fakeHost();
    const { view } = await finaliseTab(host);
    fireEvent.click(view.getByRole("button", { name: zh.finaliseButton }));
    const dialog = view.getByRole("alertdialog");
    expect(dialog.textContent).toContain("“王组长”");
    expect(host.finalise).not.toHaveBeenCalled();
    // Cancel leaves everything as it was.
    fireEvent.click(view.getByRole("button", { name: zh.cancelButton }));
    expect(view.queryByRole("alertdialog")).toBeNull();

    host.finaliseStatus.mockResolvedValue(FINALISED_STATUS);
    fireEvent.click(view.getByRole("button", { name: zh.finaliseButton }));
    fireEvent.click(view.getByRole("button", { name: zh.confirmButton }));
    await view.findByText(/已定稿：王组长，2025-03-14T09:26:53\+08:00（第 1 次定稿）/);
    expect(host.finalise).toHaveBeenCalledWith("王组长");
    expect(host.finaliseStatus).toHaveBeenCalledTimes(2);
    expect(screen.getByRole("status").textContent).toBe("已定稿：最终得分 87.46，三星级。");
    expect(view.getByText(`录入内容 SHA-256：${FINALISED.entriesHash}`)).toBeTruthy();
    expect(view.getByRole("button", { name: zh.finaliseButton }).getAttribute("aria-disabled")).toBe("true");
    expect(view.getByRole("button", { name: zh.reopenButton }).getAttribute("aria-disabled")).toBeNull();
  });

  test("refused by validation errors: the errors are listed, each going to its cell", async () => {
    localStorage.setItem(NAME_KEY, "王组长");
    const refusal = new ActionError(
      { zh: "校验发现 1 个错误，不能定稿。", en: "Validation finds 1 error." },
      [
        {
          code: "entry-off-step",
          severity: "error",
          cell: "'评分'!H10",
          message: { zh: "B6：录入的 72 不是步长 5 的倍数。", en: "B6: 72 is not a multiple of the step 5." },
        },
      ],
    );
    const host = fakeHost({ finalise: jest.fn().mockRejectedValue(refusal) });
    const { view } = await finaliseTab(host);
    fireEvent.click(view.getByRole("button", { name: zh.finaliseButton }));
    fireEvent.click(view.getByRole("button", { name: zh.confirmButton }));
    await view.findByText(zh.finaliseBlocked);
    expect(view.getByText("校验发现 1 个错误，不能定稿。")).toBeTruthy();
    fireEvent.click(view.getByRole("button", { name: /B6：录入的 72/ }));
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("'评分'!H10"));
  });

  test("reopen, in English", async () => {
    localStorage.setItem(NAME_KEY, "Lead");
    const host = fakeHost({ finaliseStatus: jest.fn().mockResolvedValue(FINALISED_STATUS) });
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    const view = openTab(en.tabFinalise, "finalise");
    await view.findByText(/^Finalised by 王组长 at 2025-03-14T09:26:53\+08:00 \(finalisation 1\)/);
    host.finaliseStatus.mockResolvedValue({
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
    fireEvent.click(view.getByRole("button", { name: en.confirmButton }));
    await view.findByText(
      /^Reopened: finalisation 1 \(王组长, .*\) was reopened at 2025-03-15T08:00:00\+08:00 by Lead\.$/,
    );
    expect(host.reopen).toHaveBeenCalledWith("Lead");
    expect(screen.getByRole("status").textContent).toBe(en.reopenedDone);
  });

  test("a workbook without StarScore's sheets, or without a log", async () => {
    const host = fakeHost({
      finaliseStatus: jest.fn().mockResolvedValue({ ...DRAFT_STATUS, workbook: false, log: [] }),
    });
    await renderPane(host);
    const view = openTab(zh.tabFinalise, "finalise");
    await view.findByText(zh.stateNoWorkbook);
    expect(view.getByRole("button", { name: zh.finaliseButton }).getAttribute("aria-disabled")).toBe("true");
    host.finaliseStatus.mockResolvedValue({ ...DRAFT_STATUS, hasLog: false, log: [] });
    fireEvent.click(view.getByRole("button", { name: zh.finaliseRefresh }));
    await view.findByText(zh.auditLogMissing);
  });

  test(
    "no serious accessibility violations",
    async () => {
      localStorage.setItem(NAME_KEY, "王组长");
      const { view } = await finaliseTab(
        fakeHost({ finaliseStatus: jest.fn().mockResolvedValue(FINALISED_STATUS) }),
        /^已定稿/,
      );
      // What axe checks: the finalised state, its log table and a live reopen button.
      expect(view.getAllByRole("row")).toHaveLength(1 + FINALISED_STATUS.log.length);
      expect(view.getByRole("button", { name: zh.reopenButton }).getAttribute("aria-disabled")).not.toBe(
        "true",
      );
      expect(await seriousViolations(document.getElementById("starscore-panel-finalise")!)).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
