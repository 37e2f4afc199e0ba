/** @jest-environment jsdom */
import { act, fireEvent, waitFor } from "@testing-library/react";
import { messages } from "../../../src/taskpane/i18n";
import { bandValue } from "../../../src/taskpane/components/InspectorView";
import { BANDS } from "../../../src/spec";
import { SELECTION, fakeWorkbookHost } from "./fake-host";
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

async function inspecting(host = fakeWorkbookHost()) {
  await renderPane(host);
  expect(host.inspectSelection).not.toHaveBeenCalled();
  const view = await openView("inspector");
  await view.findByRole("heading", { level: 3, name: "B6 安装调试" });
  return { host, view };
}

/** The headings of the item's details, in order. */
const order = () => [...panel("inspector").querySelectorAll("h3, h4")].map((h) => h.textContent);

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
      // Full-width parentheses in Chinese (point 16).
      ["张三", "审核员", "70（60–80 %）"],
      ["暗访 1（当前选中）", "暗访", "未评"],
    ]);
    expect(table.querySelector("tbody tr[aria-current='true']")?.textContent).toMatch("暗访 1");
  });

  test("the criterion comes before the band buttons (point 17)", async () => {
    await inspecting();
    expect(order()).toEqual([
      "B6 安装调试",
      zh.checkContent,
      zh.criterion,
      zh.setEntryHeading,
      zh.entriesHeading,
      zh.bandsHeading,
    ]);
  });

  test("a band button sets the selected evaluator's cell, logged with the person, and re-reads the selection", async () => {
    const { host, view } = await inspecting();
    expect(view.getByText("录入到：暗访 1（单元格 评分!I10）")).toBeTruthy();
    expect(view.getByText("当前值：未评")).toBeTruthy();
    host.inspectSelection.mockResolvedValue({
      ...SELECTION,
      entries: [SELECTION.entries[0], { ...SELECTION.entries[1], value: 90 }],
    });
    const button = view.getByRole("button", { name: "80–100 %：录入 90" });
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(host.setEntry).toHaveBeenCalledWith("'评分'!I10", 90, "王组长"));
    await view.findByText("当前值：90（80–100 %）");
    expect(host.inspectSelection).toHaveBeenCalledTimes(2);
    expect(statusOf("inspector").textContent).toBe("已在 评分!I10 录入 90。");
    // The button stayed focusable while it ran (aria-disabled), so the focus did not fall to the page.
    expect(document.activeElement).toBe(button);

    fireEvent.click(view.getByRole("button", { name: "0–20 %：录入 10" }));
    await waitFor(() => expect(host.setEntry).toHaveBeenLastCalledWith("'评分'!I10", 10, "王组长"));
  });

  test("the current band's button does not overwrite the entry with the band's middle (point 17)", async () => {
    const host = fakeWorkbookHost({
      inspectSelection: jest.fn().mockResolvedValue({ ...SELECTION, selectedEvaluator: 0 }),
    });
    const { view } = await inspecting(host);
    expect(view.getByText("当前值：70（60–80 %）")).toBeTruthy();
    const current = view.getByRole("button", { name: "60–80 %：当前评分 70 在此档" });
    expect(current.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(current);
    expect(host.setEntry).not.toHaveBeenCalled();
    // The other bands still enter their middle.
    expect(view.getByRole("button", { name: "40–60 %：录入 50" }).getAttribute("aria-disabled")).toBeNull();
  });

  test("the item's note / evidence: shown, edited and saved as a logged action (point 17)", async () => {
    const { host, view } = await inspecting();
    const note = view.getByRole("textbox", { name: zh.noteLabel }) as HTMLTextAreaElement;
    expect(note.value).toBe("现场查看了安装记录。");
    expect(view.getByText("评分的依据，写入评分表的备注列（单元格 评分!K10）。")).toBeTruthy();
    const save = view.getByRole("button", { name: zh.noteSave });
    // Nothing to save until it is changed.
    expect(save.getAttribute("aria-disabled")).toBe("true");
    fireEvent.change(note, { target: { value: "现场查看了安装记录和回访单。" } });
    expect(save.getAttribute("aria-disabled")).toBeNull();
    fireEvent.click(save);
    await waitFor(() =>
      expect(host.setNote).toHaveBeenCalledWith("'评分'!K10", "现场查看了安装记录和回访单。", "王组长"),
    );
    await waitFor(() => expect(statusOf("inspector").textContent).toBe("已保存 B6 的备注。"));
  });

  test("a finalised workbook: the buttons are disabled and the view says why and how to reopen (point 4)", async () => {
    const host = fakeWorkbookHost({
      inspectSelection: jest.fn().mockResolvedValue({ ...SELECTION, finalised: true }),
    });
    const { view } = await inspecting(host);
    expect(view.getByText(zh.finalisedTitle)).toBeTruthy();
    expect(view.getByText(zh.finalisedBody)).toBeTruthy();
    for (const band of BANDS) {
      const button = view.getByRole("button", { name: new RegExp(`^${band.from}–${band.to} %`) });
      expect(button.getAttribute("aria-disabled")).toBe("true");
      fireEvent.click(button);
    }
    expect(host.setEntry).not.toHaveBeenCalled();
    expect((view.getByRole("textbox", { name: zh.noteLabel }) as HTMLTextAreaElement).readOnly).toBe(true);
    fireEvent.click(view.getByRole("button", { name: "前往“定稿”" }));
    expect(panel("finalise").hidden).toBe(false);
  });

  test("a locked cell refused by Excel: words, never the host's text (point 4)", async () => {
    const { host, view } = await inspecting();
    host.setEntry.mockRejectedValue(
      Object.assign(new Error("InvalidOperation: 评分!H8 is locked"), { code: "InvalidOperation" }),
    );
    fireEvent.click(view.getByRole("button", { name: "40–60 %：录入 50" }));
    await view.findByText(zh.setEntryFailed);
    expect(view.getByText(/^Excel 拒绝了这次写入：单元格已锁定或工作表受保护/)).toBeTruthy();
    expect(panel("inspector").textContent).not.toMatch(/InvalidOperation|is locked/);
    expect(statusOf("inspector").textContent).not.toMatch(/InvalidOperation/);
  });

  test("follows the selection", async () => {
    const { host, view } = await inspecting();
    host.inspectSelection.mockResolvedValue({ code: "A3", entries: SELECTION.entries, finalised: false });
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

  test("stops following the selection when another view is shown", async () => {
    const { host } = await inspecting();
    expect(host.selectionListeners.size).toBe(1);
    await openView("validate");
    await act(async () => undefined);
    expect(host.selectionListeners.size).toBe(0);
  });

  test("in English the texts switch; that the spec's text is Chinese is said once, at the top (point 17)", async () => {
    const { view } = await inspecting();
    chooseLanguage("en");
    expect(view.getByRole("heading", { level: 3, name: "B6 Installation and commissioning" })).toBeTruthy();
    expect(view.getByText("5.2.2 Technical support")).toBeTruthy();
    const note = view.getAllByText(en.originalChineseNote);
    expect(note).toHaveLength(1);
    // Right under the item's heading, before the check content.
    const heading = view.getByRole("heading", { level: 4, name: en.checkContent });
    expect(note[0]!.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(view.getByRole("region", { name: en.criterion }).getAttribute("lang")).toBe("zh-CN");
    expect(view.getByRole("button", { name: "80–100 %: enter 90" })).toBeTruthy();
    expect(view.getByText(BANDS[0]?.descriptors.en[0] ?? "")).toBeTruthy();
  });

  test(
    "no axe violations of any impact",
    async () => {
      await inspecting();
      expect(await axeViolations(panel("inspector"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  test(
    "no axe violations of any impact off an item row: the bar is labelled by its own text (point 19)",
    async () => {
      await renderPane(fakeWorkbookHost({ inspectSelection: jest.fn().mockResolvedValue(null) }));
      const view = await openView("inspector");
      const text = await view.findByText(zh.inspectorNoItem);
      const bar = text.closest(".fui-MessageBar")!;
      const labelledBy = bar.getAttribute("aria-labelledby")!;
      expect(document.getElementById(labelledBy)?.textContent).toBe(zh.inspectorNoItem);
      expect(await axeViolations(panel("inspector"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  test(
    "no axe violations of any impact on a finalised workbook",
    async () => {
      await inspecting(
        fakeWorkbookHost({
          inspectSelection: jest.fn().mockResolvedValue({ ...SELECTION, finalised: true }),
        }),
      );
      expect(await axeViolations(panel("inspector"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
