/** @jest-environment jsdom */
import { fireEvent, waitFor, within } from "@testing-library/react";
import type { MergeReport } from "../../../../src/taskpane/actions/types";
import { ActionError, ReferencesAtRiskError } from "../../../../src/taskpane/errors";
import { messages } from "../../../../src/taskpane/i18n";
import { fakeHost } from "../fake-host";
import { AXE_TIMEOUT_MS, axeViolations, chooseLanguage, panel, renderPane, statusOf } from "../render";

// Rendering the pane and its views takes seconds in jsdom on a loaded machine.
jest.setTimeout(30_000);
const zh = messages.zh;
const en = messages.en;

const CONFLICTS: MergeReport = {
  merged: false,
  conflicts: [
    {
      kind: "entry",
      item: "B1",
      evaluator: { name: "张三", kind: "auditor" },
      a: { file: "当前工作簿", cell: "'评分'!H7", value: 80 },
      b: { file: "张三.xlsx", cell: "'评分'!H7", value: 60 },
      message: {
        zh: "B1，评价人「张三」：当前工作簿 '评分'!H7 为 80，张三.xlsx '评分'!H7 为 60。",
        en: "B1, evaluator \"张三\": 80 in this workbook '评分'!H7, 60 in 张三.xlsx '评分'!H7.",
      },
    },
  ],
  warnings: [{ zh: "张三.xlsx 的封面信息与审查组长的工作簿不同。", en: "张三.xlsx's Info differs." }],
  taken: { entries: 0, notes: 0 },
  added: [],
};

async function mergeForm(host = fakeHost({ hasWorkbook: jest.fn().mockResolvedValue(true) })) {
  await renderPane(host);
  const view = within(panel("generate"));
  await view.findByRole("heading", { level: 3, name: zh.mergeHeading });
  // The pane's own button (named by the field's label and its text) opens the hidden file input.
  const button = view.getByRole("button", { name: `${zh.mergeFilesLabel} ${zh.chooseFile}` });
  const input = button.parentElement!.querySelector<HTMLInputElement>('input[type="file"]')!;
  return { host, view, input, button };
}

/** Chooses the files; they are read (FileReader in jsdom) before the names show beside the button. */
async function choose(input: HTMLInputElement, files: File[]) {
  fireEvent.change(input, { target: { files } });
  await waitFor(() =>
    expect(input.parentElement!.textContent).toContain(files.map((f) => f.name).join(zh.listSeparator)),
  );
}

describe("merge evaluators' workbooks (Set up)", () => {
  test("a labelled file input for one or more .xlsx; the files' bytes go to the host with the name", async () => {
    const { host, view, input, button } = await mergeForm();
    expect(input.type).toBe("file");
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain(".xlsx");
    const clicked = jest.fn();
    input.addEventListener("click", clicked);
    fireEvent.click(button);
    expect(clicked).toHaveBeenCalledTimes(1);
    fireEvent.click(view.getByRole("button", { name: zh.mergeButton }));
    expect(statusOf("generate").textContent).toBe(zh.mergeNoFiles);
    // Nothing chosen: the focus goes to the button that chooses.
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect(host.merge).not.toHaveBeenCalled();
    await choose(input, [new File([new Uint8Array([1, 2, 3])], "李四.xlsx"), new File(["x"], "暗访.xlsx")]);
    expect(view.getByText("李四.xlsx、暗访.xlsx")).toBeTruthy();
    fireEvent.click(view.getByRole("button", { name: zh.mergeButton }));
    await waitFor(() => expect(host.merge).toHaveBeenCalledTimes(1));
    const [files, options] = host.merge.mock.calls[0] as [{ name: string; data: Uint8Array }[], unknown];
    expect(files.map((f) => [f.name, [...f.data]])).toEqual([
      ["李四.xlsx", [1, 2, 3]],
      ["暗访.xlsx", [120]],
    ]);
    expect(options).toEqual({ person: "王组长" });
    await view.findByText("已合并：取入 48 个评分、2 条备注。 新增列：李四。");
  });

  test("conflicts: every one listed, nothing merged; warnings shown; in English too", async () => {
    const host = fakeHost({
      hasWorkbook: jest.fn().mockResolvedValue(true),
      merge: jest.fn().mockResolvedValue(CONFLICTS),
    });
    const { view, input } = await mergeForm(host);
    await choose(input, [new File(["x"], "张三.xlsx")]);
    fireEvent.click(view.getByRole("button", { name: zh.mergeButton }));
    const list = await view.findByTestId("merge-conflicts");
    expect([...list.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      CONFLICTS.conflicts[0]!.message.zh,
    ]);
    // The status line and the bar's title.
    expect(view.getAllByText("有 1 处冲突，未写入任何内容：")).toHaveLength(2);
    expect(view.getByText(CONFLICTS.warnings[0]!.zh)).toBeTruthy();
    chooseLanguage("en");
    await view.findAllByText("1 conflict: nothing was written.");
    expect(view.getByText(CONFLICTS.conflicts[0]!.message.en)).toBeTruthy();
  });

  test("a refused file: the host's message in the user's language", async () => {
    const refused = new ActionError({ zh: "无法合并：", en: "Cannot merge:" }, [
      {
        code: "workbook-unreadable",
        severity: "error",
        message: {
          zh: "a.xlsx 不是可读取的 StarScore 工作簿：不是 .xlsx 文件",
          en: "a.xlsx is not a StarScore workbook that can be read: not an .xlsx file",
        },
      },
    ]);
    const host = fakeHost({
      hasWorkbook: jest.fn().mockResolvedValue(true),
      merge: jest.fn().mockRejectedValue(refused),
    });
    const { view, input } = await mergeForm(host);
    await choose(input, [new File(["x"], "a.xlsx")]);
    fireEvent.click(view.getByRole("button", { name: zh.mergeButton }));
    await view.findByText(/a\.xlsx 不是可读取的 StarScore 工作簿/);
    chooseLanguage("en");
    await view.findByText(/a\.xlsx is not a StarScore workbook/);
    expect(view.getAllByText(en.mergeFailed).length).toBeGreaterThan(0);
  });

  test("the user's own references at risk: merged only once the user ticks to go on", async () => {
    const host = fakeHost({ hasWorkbook: jest.fn().mockResolvedValue(true) });
    host.merge.mockRejectedValueOnce(new ReferencesAtRiskError(["Sheet1!B2"]));
    const { view, input } = await mergeForm(host);
    await choose(input, [new File(["x"], "李四.xlsx")]);
    fireEvent.click(view.getByRole("button", { name: zh.mergeButton }));
    fireEvent.click(await view.findByRole("checkbox", { name: zh.rebuildAnyway }));
    fireEvent.click(view.getByRole("button", { name: zh.mergeButton }));
    await waitFor(() => expect(host.merge).toHaveBeenCalledTimes(2));
    expect(host.merge.mock.calls[0]![1]).toEqual({ person: "王组长" });
    expect(host.merge.mock.calls[1]![1]).toEqual({ person: "王组长", breakReferences: true });
  });

  test(
    "no axe violations of any impact, conflicts listed",
    async () => {
      const host = fakeHost({
        hasWorkbook: jest.fn().mockResolvedValue(true),
        merge: jest.fn().mockResolvedValue(CONFLICTS),
      });
      const { view, input } = await mergeForm(host);
      await choose(input, [new File(["x"], "张三.xlsx")]);
      fireEvent.click(view.getByRole("button", { name: zh.mergeButton }));
      await view.findByTestId("merge-conflicts");
      expect(await axeViolations(panel("generate"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
