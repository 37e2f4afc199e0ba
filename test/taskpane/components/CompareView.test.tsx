/** @jest-environment jsdom */
import { fireEvent, waitFor } from "@testing-library/react";
import { messages } from "../../../src/taskpane/i18n";
import { compareParagraph } from "../../../src/workbook/compare-words";
import { COMPARE, fakeWorkbookHost } from "./fake-host";
import {
  AXE_TIMEOUT_MS,
  axeViolations,
  chooseLanguage,
  openView,
  panel,
  renderPane,
  statusOf,
  chooseFile,
  tableRows,
} from "./render";

const zh = messages.zh;

async function compared(host = fakeWorkbookHost()) {
  await renderPane(host);
  const view = await openView("compare");
  expect(view.getByText(zh.notCompared)).toBeTruthy();
  // The pane's own button, named by the field's label and its text, opens the hidden file input.
  const button = view.getByRole("button", { name: `${zh.compareFileLabel} ${zh.chooseFile}` });
  expect(button.getAttribute("aria-describedby")).toBeTruthy();
  expect(view.getByText(zh.noFileChosen)).toBeTruthy();
  const input = panel("compare").querySelector<HTMLInputElement>('input[type="file"]')!;
  expect(input.getAttribute("accept")).toMatch(/^\.xlsx\b/);
  const clicked = jest.fn();
  input.addEventListener("click", clicked);
  fireEvent.click(button);
  expect(clicked).toHaveBeenCalledTimes(1);
  chooseFile(input, "上次审核.xlsx", [80, 75, 3, 4]);
  await view.findByText(compareParagraph(COMPARE.comparison, "zh"));
  expect(view.getByText("上次审核.xlsx")).toBeTruthy();
  return { host, view };
}

describe("Compare view", () => {
  test("the chosen file's bytes go to the host; the scores before and after, in the CLI's words", async () => {
    const { host, view } = await compared();
    expect(host.compare).toHaveBeenCalledTimes(1);
    const [file] = host.compare.mock.calls[0] as [{ name: string; data: Uint8Array }];
    expect(file.name).toBe("上次审核.xlsx");
    expect([...file.data]).toEqual([80, 75, 3, 4]);
    const facts = [...panel("compare").querySelector("dl")!.children].map((el) => el.textContent);
    expect(facts).toEqual([
      "上次（上次审核.xlsx）",
      "78.00达标级",
      "本次",
      "79.90达标级",
      "变化",
      "+1.90 分",
    ]);
    expect(statusOf("compare").textContent).toBe("比较完成：最终得分由 78.00 变为 79.90。");
    chooseLanguage("en");
    expect(view.getByText(compareParagraph(COMPARE.comparison, "en"))).toBeTruthy();
  });

  test("the indicators that changed, and the items by class: what changed at first, unchanged on request", async () => {
    const { view } = await compared();
    expect(tableRows(view.getByRole("table", { name: zh.compareIndicatorsHeading }))).toEqual([
      ["5.2.1", "80 %", "78.33 %", "−1.67"],
    ]);
    const items = () => tableRows(view.getByRole("table", { name: zh.compareItemsHeading }));
    await waitFor(() => expect(items()[0]![0]).toMatch(/^B1 \S/));
    expect(items().map((r) => [r[0]!.split(" ")[0], r[1], r[2], r[3]])).toEqual([
      ["B1", "80 %", "90 %", "提升"],
      ["B2", "80 %", "70 %", "下降"],
      ["B23", "已删减", "80 %", "不再删减"],
      ["B24", "80 %", "已删减", "新删减"],
    ]);
    const filter = view.getByRole("group", { name: zh.compareFilterLabel });
    const box = (label: string) =>
      [...filter.querySelectorAll("label")].find((l) => l.textContent === label)!;
    expect([...filter.querySelectorAll("label")].map((l) => l.textContent)).toEqual([
      "提升（1）",
      "下降（1）",
      "不变（46）",
      "新删减（1）",
      "不再删减（1）",
    ]);
    fireEvent.click(box("不变（46）"));
    expect(items()).toHaveLength(50);
    fireEvent.click(box("不变（46）"));
    fireEvent.click(box("提升（1）"));
    fireEvent.click(box("下降（1）"));
    fireEvent.click(box("新删减（1）"));
    fireEvent.click(box("不再删减（1）"));
    expect(view.getByText(zh.compareNoItems)).toBeTruthy();
  });

  test("an item goes to its row in this workbook", async () => {
    const { host, view } = await compared();
    const items = view.getByRole("table", { name: zh.compareItemsHeading });
    fireEvent.click(items.querySelector("button")!);
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith(COMPARE.cells.B1));
  });

  test("the previous deductions: rectification, status and whether this audit verified them", async () => {
    const { view } = await compared();
    expect(tableRows(view.getByRole("table", { name: zh.compareDeductionsHeading }))).toEqual([
      ["问题 1", "不符合国家法律法规", "限期整改", "–", "已验证"],
      ["问题 2", "不符合国家法律法规", "限期整改", "–", "未列入本次验证"],
    ]);
  });

  test("compare again re-reads the same file against the workbook as it is now", async () => {
    const { host, view } = await compared();
    fireEvent.click(view.getByRole("button", { name: zh.compareAgain }));
    await waitFor(() => expect(host.compare).toHaveBeenCalledTimes(2));
    expect(host.compare.mock.calls[1]![0]).toBe(host.compare.mock.calls[0]![0]);
  });

  test(
    "axe finds nothing in the view with a comparison",
    async () => {
      await compared();
      expect(await axeViolations(panel("compare"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
