/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ActionError, ReferencesAtRiskError, WorkbookExistsError } from "../../../../src/taskpane/errors";
import { messages } from "../../../../src/taskpane/i18n";
import { fakeHost, NEXT_AUDIT } from "../fake-host";
import {
  AXE_TIMEOUT_MS,
  axeViolations,
  chooseFile,
  chooseLanguage,
  deferred,
  panel,
  renderPane,
  statusOf,
} from "../render";

const zh = messages.zh;
const en = messages.en;

/** Renders the pane on a blank workbook and waits for the generate form. */
async function openForm(host = fakeHost(), person = "王组长") {
  const view = await renderPane(host, {}, { person });
  const form = within(panel("generate"));
  await form.findByRole("button", { name: zh.generateButton });
  return { host, form, view };
}

function type(input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
}

/** "第 1 列：姓名" (label queries: much cheaper than role queries in jsdom, with Fluent's CSS). */
const nameOf = (n: number) => new RegExp(`^第 ${n} 列：姓名`);

describe("Generate view", () => {
  test("asks the host whether the workbook exists, then shows the form with its defaults", async () => {
    const { host, form } = await openForm();
    expect(host.hasWorkbook).toHaveBeenCalled();
    expect(form.getByRole("heading", { level: 2, name: zh.generateHeading })).toBeTruthy();
    expect((form.getByRole("combobox", { name: zh.typeLabel }) as HTMLSelectElement).value).toBe("initial");
    expect(form.getByRole("radio", { name: "5 %" })).toHaveProperty("checked", true);
    expect(form.getByRole("radio", { name: "中文" })).toHaveProperty("checked", true);
    expect(form.getByLabelText(nameOf(1))).toBeTruthy();
    expect(form.getByText("共 1 列：审核员 1 位，暗访 0 次。")).toBeTruthy();
    // Before generating, the form says that it clears Excel's undo history.
    expect(form.getByText(zh.generateIntro, { exact: false }).textContent).toContain(zh.undoCleared);
  });

  test("validates on submit: organisation and auditor names are required; nothing is sent", async () => {
    const { host, form } = await openForm();
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    expect(form.getByText(zh.organisationRequired)).toBeTruthy();
    expect(form.getByText(zh.auditorNameRequired)).toBeTruthy();
    expect(host.generate).not.toHaveBeenCalled();
    // The focus goes to the first field to correct, and the status line says how many.
    expect(document.activeElement).toBe(form.getByLabelText(/受评组织/));
    expect(statusOf("generate").textContent).toBe("请更正标出的 2 处问题。");
    expect(form.getByLabelText(/受评组织/).getAttribute("aria-invalid")).toBe("true");
  });

  test("the status line follows the corrections and clears once there is nothing left (point 12)", async () => {
    const { form } = await openForm();
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    expect(statusOf("generate").textContent).toBe("请更正标出的 2 处问题。");
    type(form.getByLabelText(/受评组织/), "某电器公司");
    expect(statusOf("generate").textContent).toBe("请更正标出的 1 处问题。");
    type(form.getByLabelText(nameOf(1)), "张三");
    expect(statusOf("generate").textContent).toBe("");
  });

  test("dates: the pane's format (year-month-day) whatever the browser's locale; the end not before the start", async () => {
    const { host, form } = await openForm();
    const start = form.getByLabelText(zh.startDateLabel) as HTMLInputElement;
    // A text field with the format in its hint, not the browser's date input (mm/dd/yyyy in en-US).
    expect(start.type).toBe("text");
    expect(start.placeholder).toBe("年-月-日");
    expect(form.getAllByText(zh.dateHint)).toHaveLength(2);
    type(start, "2026/3/10");
    fireEvent.blur(start);
    expect(start.value).toBe("2026-03-10");
    type(form.getByLabelText(/受评组织/), "某电器公司");
    type(form.getByLabelText(nameOf(1)), "张三");
    type(form.getByLabelText(zh.endDateLabel), "2026-03-01");
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    expect(form.getByText(zh.endBeforeStart)).toBeTruthy();
    type(form.getByLabelText(zh.endDateLabel), "03/01/2026");
    expect(form.getByText(zh.dateInvalid)).toBeTruthy();
    expect(host.generate).not.toHaveBeenCalled();
  });

  test("duplicate names are errors; Remove sits on its row, and the last row cannot be removed (point 18)", async () => {
    const { host, form } = await openForm();
    // One row: nothing to remove, so no “0 columns”.
    expect(form.queryByRole("button", { name: "删除第 1 列" })).toBeNull();
    type(form.getByLabelText(/受评组织/), "某电器公司");
    type(form.getByLabelText(nameOf(1)), "张三");
    fireEvent.click(form.getByRole("button", { name: zh.addAuditor }));
    const second = form.getByLabelText(nameOf(2));
    expect(document.activeElement).toBe(second);
    type(second, " 张三 ");
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    expect(form.getAllByText(zh.nameDuplicate)).toHaveLength(2);
    expect(host.generate).not.toHaveBeenCalled();

    // Each Remove button is in its row's list item, beside the row's fields.
    const remove = form.getByRole("button", { name: "删除第 2 列" });
    expect(remove.closest("li")).toBe(second.closest("li"));
    fireEvent.click(remove);
    expect(form.queryByLabelText(nameOf(2))).toBeNull();
    expect(document.activeElement).toBe(form.getByLabelText(nameOf(1)));
    expect(form.queryByRole("button", { name: /^删除/ })).toBeNull();
    expect(form.getByText("共 1 列：审核员 1 位，暗访 0 次。")).toBeTruthy();
  });

  test("one click adds one visit (point 14); the visit-name hint is said once, not on every row", async () => {
    const { form } = await openForm();
    const visits = form.getByRole("spinbutton", { name: zh.quickVisitsLabel }) as HTMLInputElement;
    expect(visits.value).toBe("1");
    fireEvent.click(form.getByRole("button", { name: zh.quickVisitsButton }));
    fireEvent.click(form.getByRole("button", { name: zh.quickVisitsButton }));
    expect(form.getByText("共 3 列：审核员 1 位，暗访 2 次。")).toBeTruthy();
    expect((form.getByLabelText(nameOf(3)) as HTMLInputElement).placeholder).toBe("暗访 2");
    expect(form.getAllByText(zh.evaluatorsHint)).toHaveLength(1);
    expect(panel("generate").textContent).not.toMatch(/将命名为/);
  });

  test("sends the request with the person's name: organisation, type, dates, step, workbook language and the team", async () => {
    const { host, form } = await openForm();
    type(form.getByLabelText(/受评组织/), "  某电器公司 ");
    fireEvent.change(form.getByLabelText(zh.typeLabel), {
      target: { value: "recertification" },
    });
    type(form.getByLabelText(zh.startDateLabel), "2026-03-01");
    type(form.getByLabelText(zh.endDateLabel), "2026-3-5");
    type(form.getByLabelText(nameOf(1)), "张三");
    const visits = form.getByLabelText(zh.quickVisitsLabel);
    type(visits, "2");
    fireEvent.blur(visits);
    fireEvent.click(form.getByText(zh.quickVisitsButton));
    expect(form.getByText("共 3 列：审核员 1 位，暗访 2 次。")).toBeTruthy();
    type(form.getByLabelText(nameOf(3)), "周末暗访");
    fireEvent.click(form.getByLabelText("10 %"));
    fireEvent.click(form.getByLabelText("English"));

    const pending = deferred<{ skipped: string[] }>();
    host.generate.mockReturnValue(pending.promise);
    const button = form.getByText(zh.generateButton).closest("button")!;
    fireEvent.click(button);
    expect(host.generate).toHaveBeenCalledWith(
      {
        lang: "en",
        organization: "某电器公司",
        type: "recertification",
        dates: { start: "2026-03-01", end: "2026-03-05" },
        step: 10,
        evaluators: [
          { name: "张三", kind: "auditor" },
          { name: "Visit 1", kind: "visit" },
          { name: "周末暗访", kind: "visit" },
        ],
        purpose: "certification",
        plan: false,
      },
      "王组长",
    );
    // While it runs: a disabled (still focusable) button with a spinner, and the status says so.
    await waitFor(() => expect(button.getAttribute("aria-disabled")).toBe("true"));
    expect(button.querySelector(".fui-Spinner")).toBeTruthy();
    expect(statusOf("generate").textContent).toBe(zh.generating);

    host.hasWorkbook.mockResolvedValue(true);
    await act(async () => pending.resolve({ skipped: [] }));
    await waitFor(() => expect(statusOf("generate").textContent).toBe("已生成工作簿，共 3 列评价人。"));
    // The workbook now exists: the view offers adding a column instead.
    const view = within(panel("generate"));
    await view.findByRole("heading", { level: 2, name: zh.existsHeading });
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/已生成工作簿/));
  });

  test("what this Excel could not write is said in words, with what it means, as a warning (point 6)", async () => {
    const host = fakeHost({
      generate: jest.fn().mockResolvedValue({ skipped: ["autoFilter", "pageLayout"] }),
    });
    const { form } = await openForm(host);
    type(form.getByLabelText(/受评组织/), "某电器公司");
    type(form.getByLabelText(nameOf(1)), "张三");
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    const view = within(panel("generate"));
    const title = await view.findByText(zh.skippedTitle);
    const bar = title.closest(".fui-MessageBar")!;
    expect(bar.getAttribute("data-intent")).toBe("warning");
    expect(within(bar as HTMLElement).getByText(zh.skippedAutoFilter)).toBeTruthy();
    expect(within(bar as HTMLElement).getByText(zh.skippedPageLayout)).toBeTruthy();
    expect(bar.textContent).toContain(zh.skippedWhy);
    expect(panel("generate").textContent).not.toMatch(/autoFilter|pageLayout/);
    // The success message says only what was made, in the success colour.
    const success = view
      .getAllByText("已生成工作簿，共 1 列评价人。")
      .map((el) => el.closest(".fui-MessageBar"));
    expect(success.find(Boolean)!.getAttribute("data-intent")).toBe("success");
  });

  test("dates are optional and left out when empty", async () => {
    const { host, form } = await openForm();
    type(form.getByLabelText(/受评组织/), "某电器公司");
    type(form.getByLabelText(nameOf(1)), "张三");
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    await waitFor(() => expect(host.generate).toHaveBeenCalled());
    expect(host.generate.mock.calls[0][0]).toEqual({
      lang: "zh",
      organization: "某电器公司",
      type: "initial",
      step: 5,
      evaluators: [{ name: "张三", kind: "auditor" }],
      purpose: "certification",
      plan: false,
    });
  });

  test("a self-assessment ticks the Plan sheet; unticked, the workbook has none", async () => {
    const { host, form } = await openForm();
    type(form.getByLabelText(/受评组织/), "某电器公司");
    type(form.getByLabelText(nameOf(1)), "张三");
    const plan = form.getByRole("checkbox", { name: zh.planSheetLabel }) as HTMLInputElement;
    expect(plan.checked).toBe(false);
    fireEvent.click(form.getByRole("radio", { name: "自评" }));
    expect(plan.checked).toBe(true);
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    await waitFor(() => expect(host.generate).toHaveBeenCalledTimes(1));
    expect(host.generate.mock.calls[0][0]).toMatchObject({ purpose: "self-assessment", plan: true });
    fireEvent.click(plan);
    expect(plan.checked).toBe(false);
  });

  test("without a name, generating asks for it first, in the person field (point 9)", async () => {
    const { host, form } = await openForm(fakeHost(), "");
    type(form.getByLabelText(/受评组织/), "某电器公司");
    type(form.getByLabelText(nameOf(1)), "张三");
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    expect(host.generate).not.toHaveBeenCalled();
    const person = screen.getByLabelText(zh.personLabel, { exact: false });
    await waitFor(() => expect(document.activeElement).toBe(person));
    expect(statusOf("generate").textContent).toBe(zh.personNeeded);
    fireEvent.change(person, { target: { value: "王组长" } });
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    await waitFor(() => expect(host.generate).toHaveBeenCalledWith(expect.anything(), "王组长"));
  });

  test("WorkbookExistsError: says which sheets are in the way, in the user's language, and offers adding a column", async () => {
    const host = fakeHost();
    const { form } = await openForm(host);
    host.generate.mockRejectedValue(new WorkbookExistsError(["评分", "汇总"], ["Result_FinalScore"]));
    host.hasWorkbook.mockResolvedValue(true);
    type(form.getByLabelText(/受评组织/), "某电器公司");
    type(form.getByLabelText(nameOf(1)), "张三");
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));

    const view = within(panel("generate"));
    await view.findByText(zh.workbookExistsTitle);
    expect(view.getByText("已有的工作表：评分、汇总。")).toBeTruthy();
    expect(view.getByText("已有的定义名称：Result_FinalScore。")).toBeTruthy();
    expect(view.getByText(zh.workbookExistsBody)).toBeTruthy();
    await view.findByRole("heading", { level: 2, name: zh.existsHeading });
    expect(statusOf("generate").textContent).toMatch(
      /^此工作簿已有 StarScore 工作表：已有的工作表：评分、汇总。/,
    );
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(zh.workbookExistsTitle));

    chooseLanguage("en");
    expect(view.getByText(en.workbookExistsTitle)).toBeTruthy();
    expect(view.getByText("Sheets already there: 评分, 汇总.")).toBeTruthy();
  });

  test("an Office error: words for its code, never the host's own text (point 4)", async () => {
    const host = fakeHost();
    const { form } = await openForm(host);
    host.generate.mockRejectedValue(
      Object.assign(new Error("GeneralException: the workbook is locked"), { code: "GeneralException" }),
    );
    type(form.getByLabelText(/受评组织/), "某电器公司");
    type(form.getByLabelText(nameOf(1)), "张三");
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    await form.findByText(zh.generateFailed);
    expect(form.getByText("Excel 未能完成此操作。请重试；若仍失败，请关闭并重新打开加载项。")).toBeTruthy();
    expect(panel("generate").textContent).not.toMatch(/GeneralException|locked/);
    expect(statusOf("generate").textContent).not.toMatch(/GeneralException/);
    expect(form.getByRole("button", { name: zh.generateButton }).getAttribute("aria-disabled")).toBeNull();
  });

  test("the workbook check fails: says so in the pane's language and offers to retry", async () => {
    const host = fakeHost({
      hasWorkbook: jest
        .fn()
        .mockRejectedValue(Object.assign(new Error("Access denied."), { code: "AccessDenied" })),
    });
    await renderPane(host, { initialLang: "en" });
    const view = within(panel("generate"));
    await view.findByText(en.checkWorkbookFailed);
    expect(view.getByText(/^Excel denied access\./)).toBeTruthy();
    expect(view.queryByText("Access denied.")).toBeNull();
    // The form is still offered: generating refuses anyway if the sheets exist.
    expect(view.getByRole("button", { name: en.generateButton })).toBeTruthy();
    host.hasWorkbook.mockResolvedValue(true);
    fireEvent.click(view.getByRole("button", { name: en.retry }));
    await view.findByRole("heading", { level: 2, name: en.existsHeading });
  });

  test("an error carrying a localised message (by its class) shows it in the pane's language", async () => {
    const host = fakeHost({
      hasWorkbook: jest
        .fn()
        .mockRejectedValue(new ActionError({ zh: "工作簿受保护。", en: "The workbook is protected." })),
    });
    await renderPane(host, { initialLang: "en" });
    const view = within(panel("generate"));
    await view.findByText(en.checkWorkbookFailed);
    expect(view.getByText("The workbook is protected.")).toBeTruthy();
    expect(view.getByRole("button", { name: en.retry })).toBeTruthy();
    // The form is still offered: generating refuses anyway if the sheets exist.
    expect(view.getByRole("button", { name: en.generateButton })).toBeTruthy();
  });

  test("an existing workbook: adds an auditor or a visit column through the host", async () => {
    const host = fakeHost({ hasWorkbook: jest.fn().mockResolvedValue(true) });
    await renderPane(host);
    const view = within(panel("generate"));
    await view.findByRole("heading", { level: 2, name: zh.existsHeading });
    // What adding does, and, before it is done, that it clears Excel's undo history.
    expect(view.getByText(zh.existsInfo, { exact: false }).textContent).toContain(zh.undoCleared);
    expect(view.queryByRole("button", { name: zh.generateButton })).toBeNull();

    const add = view.getByRole("button", { name: zh.addButton });
    fireEvent.click(add);
    expect(view.getByText(zh.auditorNameRequired)).toBeTruthy();
    expect(host.addEvaluator).not.toHaveBeenCalled();

    const name = view.getByRole("textbox", { name: /姓名/ });
    type(name, "李四");
    fireEvent.click(add);
    await waitFor(() =>
      expect(host.addEvaluator).toHaveBeenCalledWith(
        { name: "李四", kind: "auditor" },
        { breakReferences: false, person: "王组长" },
      ),
    );
    await waitFor(() => expect(statusOf("generate").textContent).toBe("已添加列“李四”。"));
    expect((name as HTMLInputElement).value).toBe("");

    fireEvent.change(view.getByRole("combobox", { name: zh.addKindLabel }), { target: { value: "visit" } });
    fireEvent.click(add);
    await waitFor(() =>
      expect(host.addEvaluator).toHaveBeenLastCalledWith(
        { name: "", kind: "visit" },
        { breakReferences: false, person: "王组长" },
      ),
    );
    await waitFor(() => expect(statusOf("generate").textContent).toBe(zh.addedVisit));
  });

  test("the user's own references at risk: the pane says which, and adds only once the user ticks to go on", async () => {
    const host = fakeHost({ hasWorkbook: jest.fn().mockResolvedValue(true) });
    host.addEvaluator.mockRejectedValueOnce(new ReferencesAtRiskError(["Sheet1!B2", "MyTotal"]));
    await renderPane(host);
    const view = within(panel("generate"));
    await view.findByRole("heading", { level: 2, name: zh.existsHeading });
    expect(view.queryByRole("checkbox", { name: zh.rebuildAnyway })).toBeNull();
    type(view.getByRole("textbox", { name: /姓名/ }), "李四");
    fireEvent.click(view.getByRole("button", { name: zh.addButton }));
    // Said in the error bar (and the view's status line): which of the user's references would break.
    expect(await view.findAllByText(/Sheet1!B2、MyTotal/)).not.toHaveLength(0);
    const anyway = view.getByRole("checkbox", { name: zh.rebuildAnyway });
    expect(host.addEvaluator).toHaveBeenCalledTimes(1);
    fireEvent.click(anyway);
    fireEvent.click(view.getByRole("button", { name: zh.addButton }));
    await waitFor(() =>
      expect(host.addEvaluator).toHaveBeenLastCalledWith(
        { name: "李四", kind: "auditor" },
        { breakReferences: true, person: "王组长" },
      ),
    );
  });

  test(
    "no axe violations of any impact: the form and its errors",
    async () => {
      const { form } = await openForm();
      fireEvent.click(form.getByRole("button", { name: zh.quickVisitsButton }));
      fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
      expect(await axeViolations(panel("generate"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  test(
    "no axe violations of any impact: the add form",
    async () => {
      await renderPane(fakeHost({ hasWorkbook: jest.fn().mockResolvedValue(true) }));
      await within(panel("generate")).findByRole("heading", { level: 2, name: zh.existsHeading });
      expect(await axeViolations(panel("generate"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});

describe("Generate view: start from the previous audit", () => {
  const fileInput = () => panel("generate").querySelector<HTMLInputElement>('input[type="file"]')!;
  test("the chosen workbook fills in the form; the request lists last time's deductions to verify", async () => {
    const { host, form } = await openForm();
    chooseFile(fileInput(), "2025年审核.xlsx", [80, 75, 3, 4]);
    await form.findByText("从 2025年审核.xlsx 开始：2 项上次的整改将列为待验证。");
    expect(host.startFrom).toHaveBeenCalledWith({
      name: "2025年审核.xlsx",
      data: new Uint8Array([80, 75, 3, 4]),
    });
    expect((form.getByLabelText(/受评组织/) as HTMLInputElement).value).toBe("某某电器有限公司");
    const typeSelect = form.getByRole("combobox", { name: zh.typeLabel }) as HTMLSelectElement;
    expect(typeSelect.value).toBe("surveillance");
    // A next audit is a surveillance audit or a recertification.
    expect([...typeSelect.options].map((o) => o.value)).toEqual(["recertification", "surveillance"]);
    expect((form.getByLabelText(nameOf(1)) as HTMLInputElement).value).toBe("张三");
    expect(form.getByText("共 2 列：审核员 1 位，暗访 1 次。")).toBeTruthy();
    expect(statusOf("generate").textContent).toBe("已从 2025年审核.xlsx 填入受评组织和评价组。");
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    await waitFor(() => expect(host.generate).toHaveBeenCalledTimes(1));
    expect(host.generate.mock.calls[0]![0]).toMatchObject({
      organization: "某某电器有限公司",
      type: "surveillance",
      followUp: NEXT_AUDIT.followUp,
    });
  });

  test("not starting from it after all: the form keeps what was filled in, carries nothing", async () => {
    const { host, form } = await openForm();
    chooseFile(fileInput(), "2025年审核.xlsx", [1]);
    fireEvent.click(await form.findByRole("button", { name: zh.startFromClear }));
    expect(form.queryByText(/开始：2 项上次的整改/)).toBeNull();
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    await waitFor(() => expect(host.generate).toHaveBeenCalledTimes(1));
    expect(host.generate.mock.calls[0]![0]).not.toHaveProperty("followUp");
    expect(host.generate.mock.calls[0]![0]).toMatchObject({ organization: "某某电器有限公司" });
  });

  test("a file that cannot be read: the error, in the pane's language; the form as it was", async () => {
    const host = fakeHost({
      startFrom: jest.fn().mockRejectedValue(
        new ActionError({ zh: "无法从 a.xlsx 读取评估：", en: "Cannot read an assessment from a.xlsx:" }, [
          {
            code: "workbook-unreadable",
            severity: "error",
            message: {
              zh: "不是 .xlsx 工作簿：文件内容不是 zip 压缩包。",
              en: "Not an .xlsx workbook: the file is not a zip package.",
            },
          },
        ]),
      ),
    });
    const { form } = await openForm(host);
    chooseFile(fileInput(), "a.xlsx", [1]);
    await form.findByText("不是 .xlsx 工作簿：文件内容不是 zip 压缩包。", { exact: false });
    expect((form.getByLabelText(/受评组织/) as HTMLInputElement).value).toBe("");
    chooseLanguage("en");
    await form.findByText("Not an .xlsx workbook: the file is not a zip package.", { exact: false });
    expect(en.startFromLabel).toBe("Start from the previous audit (optional)");
  });
});
