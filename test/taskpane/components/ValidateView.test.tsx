/** @jest-environment jsdom */
import { act, fireEvent, waitFor, within } from "@testing-library/react";
import { messages } from "../../../src/taskpane/i18n";
import { EMPTY_VALIDATION, fakeHost, fakeWorkbookHost } from "./fake-host";
import {
  AXE_TIMEOUT_MS,
  axeViolations,
  deferred,
  openView,
  panel,
  renderPane,
  statusOf,
  chooseLanguage,
} from "./render";

const zh = messages.zh;
const en = messages.en;

async function validated(host = fakeWorkbookHost()) {
  await renderPane(host);
  const view = await openView("validate");
  fireEvent.click(view.getByRole("button", { name: zh.validateButton }));
  await view.findByText("错误（3）");
  return { host, view };
}

describe("Validate view", () => {
  test("before validating it says so", async () => {
    await renderPane(fakeWorkbookHost());
    const view = await openView("validate");
    expect(view.getByRole("heading", { level: 2, name: zh.validateHeading })).toBeTruthy();
    expect(view.getByText(zh.notValidated)).toBeTruthy();
  });

  test("counts by severity, the person logged, and announces them in its own status line", async () => {
    const { host, view } = await validated();
    expect(host.validate).toHaveBeenCalledTimes(1);
    expect(host.validate).toHaveBeenCalledWith({ person: "王组长" });
    // Full-width colons in Chinese (point 16); the unscored item is not counted among the errors (point 7).
    expect(view.getByText("错误：3")).toBeTruthy();
    expect(view.getByText("警告：1")).toBeTruthy();
    expect(statusOf("validate").textContent).toBe("校验完成：3 个错误，1 个警告。");
    // The focus moves to the result's heading.
    await waitFor(() =>
      expect(document.activeElement).toBe(view.getByRole("heading", { name: zh.summaryHeading })),
    );
  });

  test("while scoring is under way: progress, and the unscored items as one line (point 7)", async () => {
    const { host, view } = await validated();
    const progress = view.getByRole("progressbar");
    expect(Number(progress.getAttribute("aria-valuenow"))).toBeCloseTo(47 / 48, 6);
    expect(view.getByText("已评分 47 / 48 项")).toBeTruthy();
    const line = view.getByRole("button", { name: /^1 个项目尚无有效评分：A3。/ });
    expect(view.getByText(zh.unscoredNote)).toBeTruthy();
    // Not among the errors' groups.
    expect(view.queryByRole("heading", { level: 5, name: /^A3/ })).toBeNull();
    fireEvent.click(line);
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("'评分'!H40"));
  });

  test("many unscored items are one line, not one error each", async () => {
    const codes = ["B1", "B2", "B3", "B4", "B6", "C1", "C2", "A17", "A18"];
    const issues = codes.map((item, i) => ({
      code: "item-unscored",
      severity: "error" as const,
      item,
      cell: `'评分'!H${10 + i}`,
      message: { zh: `${item}：没有有效评分。`, en: `${item}: no valid entry.` },
    }));
    const host = fakeWorkbookHost({
      validate: jest.fn().mockResolvedValue({
        errors: issues.length,
        warnings: 0,
        issues,
        progress: { scored: 41, applicable: 50 },
      }),
    });
    await renderPane(host);
    const view = await openView("validate");
    fireEvent.click(view.getByRole("button", { name: zh.validateButton }));
    await view.findByText("已评分 41 / 50 项");
    expect(view.getByText(/^9 个项目尚无有效评分：B1–B4、B6、C1–C2、A17–A18。/)).toBeTruthy();
    expect(view.getByText("错误：0")).toBeTruthy();
    expect(view.queryAllByRole("listitem")).toHaveLength(2);
  });

  test("groups issues by severity, then by what they are about in the specification's order", async () => {
    const { view } = await validated();
    // The item titles come with the catalogue, loaded on first use.
    await view.findByRole("heading", { level: 5, name: "B6 安装调试" });
    const sections = view.getAllByRole("heading", { level: 4 }).map((h) => h.textContent);
    expect(sections).toEqual(["错误（3）", "警告（1）"]);
    const groups = view.getAllByRole("heading", { level: 5 }).map((h) => h.textContent);
    // B6, then 5.2.3 (B9–B11, an exclusion without a reason under its indicator, point 8), the
    // workbook-wide warning under “工作簿”.
    expect(groups).toEqual(["B6 安装调试", "5.2.3 配送", "工作簿"]);
  });

  test("the accordion sections are keyboard operable buttons with aria-expanded", async () => {
    const { view } = await validated();
    const header = view.getByRole("button", { name: "错误（3）" });
    expect(header.getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(header);
    expect(header.getAttribute("aria-expanded")).toBe("false");
  });

  test("an issue is a button that selects its cell, named without quotes; an issue without a cell is text", async () => {
    const { host, view } = await validated();
    const issue = view.getByRole("button", { name: /B6：评价人“张三”录入的 72/ });
    expect(issue.tagName).toBe("BUTTON");
    // Full-width parentheses, the cell as people read it (point 16).
    expect(issue.textContent).toMatch("（单元格 评分!H10）");
    fireEvent.click(issue);
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("'评分'!H10"));
    expect(view.queryByRole("button", { name: /第 1 项特别扣分项没有整改要求/ })).toBeNull();
    expect(view.getByText("第 1 项特别扣分项没有整改要求。特别扣分项应进行整改。")).toBeTruthy();
  });

  test("a failed selectCell shows an error next to the issue, in words", async () => {
    const { host, view } = await validated();
    host.selectCell.mockRejectedValue(Object.assign(new Error("ItemNotFound"), { code: "ItemNotFound" }));
    fireEvent.click(view.getByRole("button", { name: /B6：暗访录入的 120/ }));
    await view.findByText(zh.selectCellFailed);
    expect(view.getByText("找不到所需的工作表、单元格或名称：可能已被重命名或删除。")).toBeTruthy();
  });

  test("no issues", async () => {
    const host = fakeWorkbookHost({ validate: jest.fn().mockResolvedValue(EMPTY_VALIDATION) });
    await renderPane(host);
    const view = await openView("validate");
    fireEvent.click(view.getByRole("button", { name: zh.validateButton }));
    await view.findByText(zh.noIssues);
    expect(view.getByText("错误：0")).toBeTruthy();
    expect(view.getByText("已评分 50 / 50 项")).toBeTruthy();
    expect(view.queryByRole("heading", { level: 4 })).toBeNull();
  });

  test("a workbook without StarScore's sheets: what to do, with the way there (point 3)", async () => {
    const host = fakeHost();
    await renderPane(host);
    const view = await openView("validate");
    await view.findByText(zh.noWorkbookTitle);
    expect(view.getByRole("button", { name: zh.validateButton }).getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(view.getByRole("button", { name: "前往“生成”" }));
    expect(panel("generate").hidden).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(panel("generate")));
  });

  test("the button is disabled with a spinner while validating; a failure shows a message bar", async () => {
    const pending = deferred<never>();
    const host = fakeWorkbookHost({ validate: jest.fn().mockReturnValue(pending.promise) });
    await renderPane(host);
    const view = await openView("validate");
    const button = view.getByRole("button", { name: zh.validateButton });
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute("aria-disabled")).toBe("true"));
    expect(button.querySelector(".fui-Spinner")).toBeTruthy();
    expect(statusOf("validate").textContent).toBe(zh.validating);
    await act(async () => pending.reject(new Error("这不是 StarScore 工作簿")));
    await view.findByText(zh.validateFailed);
    expect(button.getAttribute("aria-disabled")).toBeNull();
    // Never the error's own text.
    expect(statusOf("validate").textContent).toBe(`校验失败：${zh.errorUnexpected}`);
  });

  test("re-validates automatically 800 ms after the last edit, and not when switched off", async () => {
    jest.useFakeTimers();
    try {
      const host = fakeWorkbookHost({ validate: jest.fn().mockResolvedValue(EMPTY_VALIDATION) });
      await renderPane(host);
      const view = within(panel("validate"));
      await act(async () => undefined);
      expect(host.onChanged).toHaveBeenCalled();
      expect(host.changedListeners.size).toBe(1);

      act(() => host.fireChanged());
      act(() => jest.advanceTimersByTime(500));
      act(() => host.fireChanged());
      act(() => jest.advanceTimersByTime(799));
      expect(host.validate).not.toHaveBeenCalled();
      await act(async () => jest.advanceTimersByTime(1));
      expect(host.validate).toHaveBeenCalledTimes(1);
      // Not logged.
      expect(host.validate).toHaveBeenCalledWith({ background: true });
      expect(view.getByText(zh.noIssues)).toBeTruthy();
      // A background run announces a change of the counts, without a busy message.
      expect(statusOf("validate").textContent).toBe("校验完成：0 个错误，0 个警告。");
      // On its own view only (point 12).
      expect(statusOf("generate").textContent).toBe("");

      const toggle = view.getByRole("switch", { name: zh.autoValidate });
      expect(toggle).toHaveProperty("checked", true);
      fireEvent.click(toggle);
      await act(async () => undefined);
      expect(host.changedListeners.size).toBe(0);
      act(() => host.fireChanged());
      await act(async () => jest.advanceTimersByTime(2000));
      expect(host.validate).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  test("in English: sentences with plurals", async () => {
    const { view } = await validated();
    chooseLanguage("en");
    expect(view.getByRole("heading", { level: 2, name: en.validateHeading })).toBeTruthy();
    expect(view.getByText("Errors (3)")).toBeTruthy();
    expect(view.getByText("Errors: 3")).toBeTruthy();
    expect(view.getByText("47 of 48 items scored")).toBeTruthy();
    expect(view.getByText(/^1 item has no valid entry yet: A3\./)).toBeTruthy();
    expect(await view.findByText("B6 Installation and commissioning")).toBeTruthy();
    expect(view.getByRole("button", { name: /B6: evaluator “Zhang San” entered 72/ })).toBeTruthy();
    expect(statusOf("validate").textContent).toBe("Validation found 3 errors and 1 warning.");
  });

  test(
    "no axe violations of any impact",
    async () => {
      await validated();
      expect(await axeViolations(panel("validate"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
