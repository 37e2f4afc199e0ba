/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { messages } from "../../../src/taskpane/i18n";
import { bandValue } from "../../../src/taskpane/components/InspectorView";
import { BANDS } from "../../../src/spec";
import { SELECTION, fakeHost } from "./fake-host";
import { AXE_TIMEOUT_MS, openTab, panel, renderPane, seriousViolations } from "./render";

const zh = messages.zh;
const en = messages.en;

async function inspecting(host = fakeHost()) {
  await renderPane(host);
  expect(host.inspectSelection).not.toHaveBeenCalled();
  const view = openTab(zh.tabInspector, "inspector");
  await view.findByRole("heading", { level: 3, name: "B6 安装调试" });
  return { host, view };
}

describe("Inspector view", () => {
  test("band buttons enter the middle of each band, a value on every step", () => {
    expect(BANDS.map(bandValue)).toEqual([10, 30, 50, 70, 90]);
  });

  test("shows the selected item: code, clause, indicator, content, criterion, bands and entries", async () => {
    const { host, view } = await inspecting();
    expect(host.inspectSelection).toHaveBeenCalledTimes(1);
    expect(host.onSelectionChanged).toHaveBeenCalled();
    expect(view.getByText("5.2.2.1")).toBeTruthy();
    expect(view.getByText("5.2.2 技术支持")).toBeTruthy();
    expect(view.getByText("1.5")).toBeTruthy();
    expect(view.getByText("根据商品的特点，在售出后提供及时、必要的安装和调试服务")).toBeTruthy();
    const criterion = view.getByRole("region", { name: zh.criterion });
    expect(criterion.tabIndex).toBe(0);
    expect(criterion.textContent).toBe("本指标评价的是安装调试服务的及时性和有效性。");
    expect(view.getByRole("heading", { name: "第 5 档：80–100 %" })).toBeTruthy();
    expect(view.getByText(BANDS[4]?.descriptors.zh[0] ?? "")).toBeTruthy();
    const table = view.getByRole("table", { name: zh.entriesHeading });
    const rows = Array.from(table.querySelectorAll("tbody tr")).map((row) =>
      Array.from(row.querySelectorAll("td")).map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ["张三", "审核员", "70 (60–80 %)"],
      ["暗访 1 (当前选中)", "暗访", "未评"],
    ]);
    expect(table.querySelector("tbody tr[aria-current='true']")?.textContent).toMatch("暗访 1");
  });

  test("a band button sets the selected evaluator's cell and re-reads the selection", async () => {
    const { host, view } = await inspecting();
    expect(view.getByText("录入到：暗访 1（单元格 '评分'!I10）")).toBeTruthy();
    expect(view.getByText("当前值：未评")).toBeTruthy();
    host.inspectSelection.mockResolvedValue({
      ...SELECTION,
      entries: [SELECTION.entries[0], { ...SELECTION.entries[1], value: 90 }],
    });
    const button = view.getByRole("button", { name: "80–100 %：录入 90" });
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(host.setEntry).toHaveBeenCalledWith("'评分'!I10", 90));
    await view.findByText("当前值：90（80–100 %）");
    expect(host.inspectSelection).toHaveBeenCalledTimes(2);
    expect(screen.getByRole("status").textContent).toBe("已在 '评分'!I10 录入 90。");
    // The button stayed focusable while it ran (aria-disabled), so the focus did not fall to the page.
    expect(document.activeElement).toBe(button);

    fireEvent.click(view.getByRole("button", { name: "0–20 %：录入 10" }));
    await waitFor(() => expect(host.setEntry).toHaveBeenLastCalledWith("'评分'!I10", 10));
  });

  test("follows the selection", async () => {
    const { host, view } = await inspecting();
    host.inspectSelection.mockResolvedValue({ code: "A3", entries: SELECTION.entries });
    await act(async () => host.fireSelectionChanged());
    await view.findByRole("heading", { level: 3, name: "A3 人员资质" });
    // Not in an evaluator column: the band buttons are disabled (still focusable) with a hint.
    expect(view.getByText(zh.setEntryDisabledHint)).toBeTruthy();
    const button = view.getByRole("button", { name: "80–100 %：录入 90" });
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(button.getAttribute("aria-describedby")).toBe("starscore-set-entry-hint");
    expect(document.getElementById("starscore-set-entry-hint")?.textContent).toBe(zh.setEntryDisabledHint);
    fireEvent.click(button);
    expect(host.setEntry).not.toHaveBeenCalled();

    host.inspectSelection.mockResolvedValue(null);
    await act(async () => host.fireSelectionChanged());
    await view.findByText(zh.inspectorNoItem);
    expect(view.queryByRole("heading", { level: 3 })).toBeNull();
  });

  test("stops following the selection when another tab is shown", async () => {
    const { host } = await inspecting();
    expect(host.selectionListeners.size).toBe(1);
    openTab(zh.tabValidate, "validate");
    await act(async () => undefined);
    expect(host.selectionListeners.size).toBe(0);
  });

  test("a failed setEntry shows an error", async () => {
    const { host, view } = await inspecting();
    host.setEntry.mockRejectedValue(new Error("The sheet is protected"));
    fireEvent.click(view.getByRole("button", { name: "40–60 %：录入 50" }));
    await view.findByText(zh.setEntryFailed);
    expect(view.getByText("错误信息：The sheet is protected")).toBeTruthy();
  });

  test("in English the texts switch, the spec's Chinese is marked as such", async () => {
    const { view } = await inspecting();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(view.getByRole("heading", { level: 3, name: "B6 Installation and commissioning" })).toBeTruthy();
    expect(view.getByText("5.2.2 Technical support")).toBeTruthy();
    expect(view.getByText(en.originalChineseNote)).toBeTruthy();
    expect(view.getByRole("region", { name: en.criterion }).getAttribute("lang")).toBe("zh-CN");
    expect(view.getByRole("button", { name: "80–100 %: enter 90" })).toBeTruthy();
    expect(view.getByText(BANDS[0]?.descriptors.en[0] ?? "")).toBeTruthy();
  });

  test(
    "no serious or critical axe violations",
    async () => {
      await inspecting();
      expect(await seriousViolations(panel("inspector"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  test(
    "no serious or critical axe violations off an item row",
    async () => {
      await renderPane(fakeHost({ inspectSelection: jest.fn().mockResolvedValue(null) }));
      const view = openTab(zh.tabInspector, "inspector");
      await view.findByText(zh.inspectorNoItem);
      expect(await seriousViolations(panel("inspector"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
