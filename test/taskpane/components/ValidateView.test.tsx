/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { messages } from "../../../src/taskpane/i18n";
import { groupIssues } from "../../../src/taskpane/components/ValidateView";
import { EMPTY_VALIDATION, VALIDATION, fakeHost } from "./fake-host";
import { AXE_TIMEOUT_MS, deferred, openTab, panel, renderPane, seriousViolations } from "./render";

const zh = messages.zh;
const en = messages.en;

async function validated(host = fakeHost()) {
  await renderPane(host);
  const view = openTab(zh.tabValidate, "validate");
  fireEvent.click(view.getByRole("button", { name: zh.validateButton }));
  await view.findByText("错误（3）");
  return { host, view };
}

describe("Validate view", () => {
  test("before validating it says so", async () => {
    await renderPane(fakeHost());
    const view = openTab(zh.tabValidate, "validate");
    expect(view.getByRole("heading", { level: 2, name: zh.validateHeading })).toBeTruthy();
    expect(view.getByText(zh.notValidated)).toBeTruthy();
  });

  test("counts by severity and announces them", async () => {
    const { host, view } = await validated();
    expect(host.validate).toHaveBeenCalledTimes(1);
    expect(view.getByText("错误: 3")).toBeTruthy();
    expect(view.getByText("警告: 1")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("校验完成：3 个错误，1 个警告。");
    // The focus moves to the result's heading.
    await waitFor(() =>
      expect(document.activeElement).toBe(view.getByRole("heading", { name: zh.summaryHeading })),
    );
  });

  test("groups issues by severity, then by item in catalogue order", async () => {
    const { view } = await validated();
    // The item titles come with the catalogue, loaded on first use.
    await view.findByRole("heading", { level: 5, name: "B6 安装调试" });
    const sections = view.getAllByRole("heading", { level: 4 }).map((h) => h.textContent);
    expect(sections).toEqual(["错误（3）", "警告（1）"]);
    const groups = view.getAllByRole("heading", { level: 5 }).map((h) => h.textContent);
    // B6 before A3 (B, C, then A items), the workbook-wide warning under "工作簿".
    expect(groups).toEqual(["B6 安装调试", "A3 人员资质", "工作簿"]);
    expect(groupIssues(VALIDATION.issues, "error").map((g) => [g.item, g.issues.length])).toEqual([
      ["B6", 2],
      ["A3", 1],
    ]);
    expect(groupIssues(VALIDATION.issues, "warning").map((g) => g.item)).toEqual([null]);
  });

  test("the accordion sections are keyboard operable buttons with aria-expanded", async () => {
    const { view } = await validated();
    const header = view.getByRole("button", { name: "错误（3）" });
    expect(header.getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(header);
    expect(header.getAttribute("aria-expanded")).toBe("false");
  });

  test("an issue is a button that selects its cell; an issue without a cell is text", async () => {
    const { host, view } = await validated();
    const issue = view.getByRole("button", { name: /B6：评价人「张三」录入的 72/ });
    expect(issue.tagName).toBe("BUTTON");
    expect(issue.textContent).toMatch("单元格 '评分'!H10");
    fireEvent.click(issue);
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("'评分'!H10"));
    expect(view.queryByRole("button", { name: /第 1 项特别扣分项没有整改要求/ })).toBeNull();
    expect(view.getByText("第 1 项特别扣分项没有整改要求。特别扣分项应进行整改。")).toBeTruthy();
  });

  test("a failed selectCell shows an error next to the issue", async () => {
    const { host, view } = await validated();
    host.selectCell.mockRejectedValue(new Error("ItemNotFound"));
    fireEvent.click(view.getByRole("button", { name: /A3：没有任何评价人评分/ }));
    await view.findByText(zh.selectCellFailed);
    expect(view.getByText("错误信息：ItemNotFound")).toBeTruthy();
  });

  test("no issues", async () => {
    const host = fakeHost({ validate: jest.fn().mockResolvedValue(EMPTY_VALIDATION) });
    await renderPane(host);
    const view = openTab(zh.tabValidate, "validate");
    fireEvent.click(view.getByRole("button", { name: zh.validateButton }));
    await view.findByText(zh.noIssues);
    expect(view.getByText("错误: 0")).toBeTruthy();
    expect(view.queryByRole("heading", { level: 4 })).toBeNull();
  });

  test("the button is disabled with a spinner while validating; a failure shows a message bar", async () => {
    const pending = deferred<never>();
    const host = fakeHost({ validate: jest.fn().mockReturnValue(pending.promise) });
    await renderPane(host);
    const view = openTab(zh.tabValidate, "validate");
    const button = view.getByRole("button", { name: zh.validateButton });
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute("aria-disabled")).toBe("true"));
    expect(button.querySelector(".fui-Spinner")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe(zh.validating);
    await act(async () => pending.reject(new Error("这不是 StarScore 工作簿")));
    await view.findByText(zh.validateFailed);
    expect(button.getAttribute("aria-disabled")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("校验失败：错误信息：这不是 StarScore 工作簿");
  });

  test("re-validates automatically 800 ms after the last edit, and not when switched off", async () => {
    jest.useFakeTimers();
    try {
      const host = fakeHost({ validate: jest.fn().mockResolvedValue(EMPTY_VALIDATION) });
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
      expect(view.getByText(zh.noIssues)).toBeTruthy();
      // A background run announces a change of the counts, without a busy message.
      expect(screen.getByRole("status").textContent).toBe("校验完成：0 个错误，0 个警告。");

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

  test("in English", async () => {
    const { view } = await validated();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(view.getByRole("heading", { level: 2, name: en.validateHeading })).toBeTruthy();
    expect(view.getByText("Errors (3)")).toBeTruthy();
    expect(await view.findByText("B6 Installation and commissioning")).toBeTruthy();
    expect(view.getByRole("button", { name: /B6: evaluator "Zhang San" entered 72/ })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Validation finished: errors 3, warnings 1.");
  });

  test(
    "no serious or critical axe violations",
    async () => {
      await validated();
      expect(await seriousViolations(panel("validate"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
