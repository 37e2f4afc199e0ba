/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ActionError, ReferencesAtRiskError, WorkbookExistsError } from "../../../src/taskpane/errors";
import { messages } from "../../../src/taskpane/i18n";
import { evaluatorNames, validateForm } from "../../../src/taskpane/components/GenerateView";
import { fakeHost } from "./fake-host";
import { AXE_TIMEOUT_MS, deferred, panel, renderPane, seriousViolations } from "./render";

const zh = messages.zh;

/** Renders the pane on a blank workbook and waits for the generate form. */
async function openForm(host = fakeHost()) {
  const view = await renderPane(host);
  const form = within(panel("generate"));
  await form.findByRole("button", { name: zh.generateButton });
  return { host, form, view };
}

function type(input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
}

describe("Generate view", () => {
  test("asks the host whether the workbook exists, then shows the form with its defaults", async () => {
    const { host, form } = await openForm();
    expect(host.hasWorkbook).toHaveBeenCalled();
    expect(form.getByRole("heading", { level: 2, name: zh.generateHeading })).toBeTruthy();
    expect((form.getByRole("combobox", { name: zh.typeLabel }) as HTMLSelectElement).value).toBe("initial");
    expect(form.getByRole("radio", { name: "5 %" })).toHaveProperty("checked", true);
    expect(form.getByRole("radio", { name: "中文" })).toHaveProperty("checked", true);
    expect(form.getByRole("textbox", { name: "第 1 列：姓名" })).toBeTruthy();
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
    // The focus goes to the first field to correct, and the status area says how many.
    expect(document.activeElement).toBe(form.getByRole("textbox", { name: /受评组织/ }));
    expect(screen.getByRole("status").textContent).toBe("请更正标出的 2 处问题。");
    expect(form.getByRole("textbox", { name: /受评组织/ }).getAttribute("aria-invalid")).toBe("true");
  });

  test("the end date cannot be before the start date", async () => {
    const { host, form } = await openForm();
    type(form.getByRole("textbox", { name: /受评组织/ }), "某电器公司");
    type(form.getByRole("textbox", { name: "第 1 列：姓名" }), "张三");
    type(form.getByLabelText(zh.startDateLabel), "2026-03-10");
    type(form.getByLabelText(zh.endDateLabel), "2026-03-01");
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    expect(form.getByText(zh.endBeforeStart)).toBeTruthy();
    expect(host.generate).not.toHaveBeenCalled();
  });

  test("duplicate names and an empty team are errors", async () => {
    const { host, form } = await openForm();
    type(form.getByRole("textbox", { name: /受评组织/ }), "某电器公司");
    type(form.getByRole("textbox", { name: "第 1 列：姓名" }), "张三");
    fireEvent.click(form.getByRole("button", { name: zh.addAuditor }));
    const second = form.getByRole("textbox", { name: "第 2 列：姓名" });
    expect(document.activeElement).toBe(second);
    type(second, " 张三 ");
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    expect(form.getAllByText(zh.nameDuplicate)).toHaveLength(2);

    fireEvent.click(form.getByRole("button", { name: "删除第 2 列" }));
    fireEvent.click(form.getByRole("button", { name: "删除第 1 列" }));
    expect(form.queryByRole("textbox", { name: "第 1 列：姓名" })).toBeNull();
    expect(document.activeElement).toBe(form.getByRole("button", { name: zh.addAuditor }));
    expect(form.getByText(zh.evaluatorsNone)).toBeTruthy();
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    expect(host.generate).not.toHaveBeenCalled();
  });

  test("at most 200 evaluator columns", () => {
    const rows = Array.from({ length: 201 }, (_, i) => ({ id: i, name: "", kind: "visit" as const }));
    const form = { organization: "X", type: "initial" as const, start: "", end: "", step: 5 as const, rows };
    expect(validateForm(form, zh, "zh").team).toBe("最多 200 列，当前为 201 列。");
    expect(validateForm({ ...form, rows: rows.slice(1) }, zh, "zh").count).toBe(0);
  });

  test("blank visits are numbered among the visits, in the workbook's language", () => {
    const rows = [
      { id: 1, name: "张三", kind: "auditor" as const },
      { id: 2, name: "", kind: "visit" as const },
      { id: 3, name: "周末", kind: "visit" as const },
      { id: 4, name: "", kind: "visit" as const },
    ];
    expect(evaluatorNames(rows, "zh")).toEqual(["张三", "暗访 1", "周末", "暗访 3"]);
    expect(evaluatorNames(rows, "en")).toEqual(["张三", "Visit 1", "周末", "Visit 3"]);
  });

  test("sends the request: organisation, type, dates, step, workbook language and the team with quick-added visits", async () => {
    const { host, form } = await openForm();
    type(form.getByRole("textbox", { name: /受评组织/ }), "  某电器公司 ");
    fireEvent.change(form.getByRole("combobox", { name: zh.typeLabel }), {
      target: { value: "recertification" },
    });
    type(form.getByLabelText(zh.startDateLabel), "2026-03-01");
    type(form.getByLabelText(zh.endDateLabel), "2026-03-05");
    type(form.getByRole("textbox", { name: "第 1 列：姓名" }), "张三");
    const visits = form.getByRole("spinbutton", { name: zh.quickVisitsLabel });
    type(visits, "2");
    fireEvent.blur(visits);
    fireEvent.click(form.getByRole("button", { name: zh.quickVisitsButton }));
    expect(form.getByText("共 3 列：审核员 1 位，暗访 2 次。")).toBeTruthy();
    type(form.getByRole("textbox", { name: "第 3 列：姓名" }), "周末暗访");
    fireEvent.click(form.getByRole("radio", { name: "10 %" }));
    fireEvent.click(form.getByRole("radio", { name: "English" }));

    const pending = deferred<{ skipped: string[] }>();
    host.generate.mockReturnValue(pending.promise);
    const button = form.getByRole("button", { name: zh.generateButton });
    fireEvent.click(button);
    expect(host.generate).toHaveBeenCalledWith({
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
    });
    // While it runs: a disabled (still focusable) button with a spinner, and the status says so.
    await waitFor(() => expect(button.getAttribute("aria-disabled")).toBe("true"));
    expect(button.querySelector(".fui-Spinner")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe(zh.generating);

    host.hasWorkbook.mockResolvedValue(true);
    await act(async () => pending.resolve({ skipped: ["chart"] }));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toMatch(/已生成工作簿，共 3 列评价人。/),
    );
    expect(screen.getByRole("status").textContent).toMatch(/以下部分未能生成：chart。/);
    // The workbook now exists: the view offers adding a column instead.
    const view = within(panel("generate"));
    await view.findByRole("heading", { level: 2, name: zh.existsHeading });
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/已生成工作簿/));
  });

  test("dates are optional and left out when empty", async () => {
    const { host, form } = await openForm();
    type(form.getByRole("textbox", { name: /受评组织/ }), "某电器公司");
    type(form.getByRole("textbox", { name: "第 1 列：姓名" }), "张三");
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    await waitFor(() => expect(host.generate).toHaveBeenCalled());
    expect(host.generate.mock.calls[0][0]).toEqual({
      lang: "zh",
      organization: "某电器公司",
      type: "initial",
      step: 5,
      evaluators: [{ name: "张三", kind: "auditor" }],
    });
  });

  test("WorkbookExistsError: says which sheets are in the way, in the user's language, and offers adding a column", async () => {
    const host = fakeHost();
    const { form } = await openForm(host);
    host.generate.mockRejectedValue(new WorkbookExistsError(["评分", "汇总"], ["Result_FinalScore"]));
    host.hasWorkbook.mockResolvedValue(true);
    type(form.getByRole("textbox", { name: /受评组织/ }), "某电器公司");
    type(form.getByRole("textbox", { name: "第 1 列：姓名" }), "张三");
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));

    const view = within(panel("generate"));
    await view.findByText(zh.workbookExistsTitle);
    expect(view.getByText("已有的工作表：评分、汇总。")).toBeTruthy();
    expect(view.getByText("已有的定义名称：Result_FinalScore。")).toBeTruthy();
    expect(view.getByText(zh.workbookExistsBody)).toBeTruthy();
    await view.findByRole("heading", { level: 2, name: zh.existsHeading });
    expect(screen.getByRole("status").textContent).toMatch(
      /^此工作簿已有 StarScore 工作表：已有的工作表：评分、汇总。/,
    );
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(zh.workbookExistsTitle));

    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(view.getByText(messages.en.workbookExistsTitle)).toBeTruthy();
    expect(view.getByText("Sheets already there: 评分, 汇总.")).toBeTruthy();
  });

  test("any other failure: a generic message with the error's text", async () => {
    const host = fakeHost();
    const { form } = await openForm(host);
    host.generate.mockRejectedValue(new Error("GeneralException: the workbook is locked"));
    type(form.getByRole("textbox", { name: /受评组织/ }), "某电器公司");
    type(form.getByRole("textbox", { name: "第 1 列：姓名" }), "张三");
    fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
    await form.findByText(zh.generateFailed);
    expect(form.getByText("错误信息：GeneralException: the workbook is locked")).toBeTruthy();
    expect(form.getByRole("button", { name: zh.generateButton }).getAttribute("aria-disabled")).toBeNull();
  });

  test("an error carrying a localised message (by its class) shows it in the pane's language", async () => {
    const host = fakeHost({
      hasWorkbook: jest
        .fn()
        .mockRejectedValue(new ActionError({ zh: "工作簿受保护。", en: "The workbook is protected." })),
    });
    await renderPane(host, { initialLang: "en" });
    const view = within(panel("generate"));
    await view.findByText(messages.en.checkWorkbookFailed);
    expect(view.getByText("The workbook is protected.")).toBeTruthy();
    expect(view.getByRole("button", { name: messages.en.retry })).toBeTruthy();
    // The form is still offered: generating refuses anyway if the sheets exist.
    expect(view.getByRole("button", { name: messages.en.generateButton })).toBeTruthy();
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
        { breakReferences: false },
      ),
    );
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("已添加列“李四”。"));
    expect((name as HTMLInputElement).value).toBe("");

    fireEvent.change(view.getByRole("combobox", { name: zh.addKindLabel }), { target: { value: "visit" } });
    fireEvent.click(add);
    await waitFor(() =>
      expect(host.addEvaluator).toHaveBeenLastCalledWith(
        { name: "", kind: "visit" },
        { breakReferences: false },
      ),
    );
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe(zh.addedVisit));
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
    await view.findByText(/Sheet1!B2, MyTotal/);
    const anyway = view.getByRole("checkbox", { name: zh.rebuildAnyway });
    expect(host.addEvaluator).toHaveBeenCalledTimes(1);
    fireEvent.click(anyway);
    fireEvent.click(view.getByRole("button", { name: zh.addButton }));
    await waitFor(() =>
      expect(host.addEvaluator).toHaveBeenLastCalledWith(
        { name: "李四", kind: "auditor" },
        { breakReferences: true },
      ),
    );
  });

  test(
    "no serious or critical axe violations: the form, its errors, and the add form",
    async () => {
      const { form } = await openForm();
      fireEvent.click(form.getByRole("button", { name: zh.quickVisitsButton }));
      fireEvent.click(form.getByRole("button", { name: zh.generateButton }));
      expect(await seriousViolations(panel("generate"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  test(
    "no serious or critical axe violations: the add form",
    async () => {
      await renderPane(fakeHost({ hasWorkbook: jest.fn().mockResolvedValue(true) }));
      await within(panel("generate")).findByRole("heading", { level: 2, name: zh.existsHeading });
      expect(await seriousViolations(panel("generate"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
