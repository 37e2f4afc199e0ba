/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import App, { type AppProps } from "../../../src/taskpane/components/App";
import { STAGES, VIEWS, viewsOf } from "../../../src/taskpane/components/views";
import { messages } from "../../../src/taskpane/i18n";
import { fakeHost } from "./fake-host";
import { AXE_TIMEOUT_MS, axeViolations, deferred, openView, panel, renderPane, statusOf } from "./render";

const zh = messages.zh;
const en = messages.en;

/** A Fluent tab's label (it also renders the label a second time, hidden, to reserve its bold width). */
const tabText = (tab: HTMLElement) => tab.querySelector(".fui-Tab__content")?.textContent;

function renderApp(props: Partial<AppProps> = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App initialLang="zh" inExcel excelApiSupported {...props} />
    </FluentProvider>,
  );
}

describe("App", () => {
  test("renders in Chinese inside a supported Excel, without a notice", () => {
    renderApp();
    expect(screen.getByRole("heading", { level: 1, name: "StarScore" })).toBeTruthy();
    expect(screen.getByText(zh.productSubtitle)).toBeTruthy();
    expect(screen.getByText(zh.description)).toBeTruthy();
    expect(screen.queryByText(zh.notInExcelTitle)).toBeNull();
    expect(screen.queryByText(zh.unsupportedTitle)).toBeNull();
    expect(document.documentElement.lang).toBe("zh-CN");
  });

  test("renders in English", () => {
    renderApp({ initialLang: "en" });
    expect(screen.getByText(en.productSubtitle)).toBeTruthy();
    expect(screen.getByText(en.description)).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
  });

  test("the language switch is a labelled group of toggle buttons that changes the text", () => {
    renderApp();
    const group = screen.getByRole("group", { name: zh.languageGroupLabel });
    const zhButton = within(group).getByRole("button", { name: "中文" });
    const enButton = within(group).getByRole("button", { name: "English" });
    expect(zhButton.getAttribute("aria-pressed")).toBe("true");
    expect(enButton.getAttribute("aria-pressed")).toBe("false");
    expect(enButton.getAttribute("lang")).toBe("en");

    fireEvent.click(enButton);
    expect(screen.getByText(en.description)).toBeTruthy();
    expect(screen.queryByText(zh.description)).toBeNull();
    expect(screen.getByRole("group", { name: en.languageGroupLabel })).toBeTruthy();
    expect(enButton.getAttribute("aria-pressed")).toBe("true");
    expect(document.documentElement.lang).toBe("en");

    fireEvent.click(within(group).getByRole("button", { name: "中文" }));
    expect(screen.getByText(zh.description)).toBeTruthy();
  });

  test("the language buttons are native buttons, reachable by keyboard", () => {
    renderApp();
    const enButton = screen.getByRole("button", { name: "English" });
    expect(enButton.tagName).toBe("BUTTON");
    expect(enButton.tabIndex).toBe(0);
    enButton.focus();
    expect(document.activeElement).toBe(enButton);
  });

  test("outside Excel it says to open StarScore inside Excel and names the Excels to use", () => {
    renderApp({ inExcel: false, excelApiSupported: false });
    expect(screen.getByText(zh.notInExcelTitle)).toBeTruthy();
    expect(screen.getByText(zh.notInExcelBody, { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByText(en.notInExcelTitle)).toBeTruthy();
    expect(screen.getByText(/Excel on the web/)).toBeTruthy();
  });

  test("in an Excel without ExcelApi 1.8 it says the version is not supported", () => {
    renderApp({ initialLang: "en", inExcel: true, excelApiSupported: false });
    expect(screen.getByText(en.unsupportedTitle)).toBeTruthy();
    expect(screen.queryByText(en.notInExcelTitle)).toBeNull();
  });

  test("has no axe violations of any impact", async () => {
    const { container } = renderApp({ inExcel: false, excelApiSupported: false });
    expect(await axeViolations(container)).toEqual([]);
  });

  test("without a host (before Office.js is wired) there are no views", () => {
    renderApp();
    expect(screen.queryByRole("tablist")).toBeNull();
  });

  test("outside Excel the views stay hidden even with a host", () => {
    renderApp({ inExcel: false, excelApiSupported: false, host: fakeHost() });
    expect(screen.queryByRole("tablist")).toBeNull();
    expect(screen.getByText(zh.notInExcelTitle)).toBeTruthy();
  });
});

describe("App with a host", () => {
  test("the description is in “About StarScore” at the foot, not above the views", async () => {
    await renderPane(fakeHost());
    const about = screen.getByText(zh.aboutHeading).closest("details")!;
    expect(about.open).toBe(false);
    expect(within(about).getByText(zh.description)).toBeTruthy();
    // After the views, in document order.
    const tabs = screen.getByRole("tablist", { name: zh.tabListLabel });
    expect(tabs.compareDocumentPosition(about) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test("the navigation: the audit's stages as tabs, a stage's views as a second row, each tab controlling its panel", async () => {
    await renderPane(fakeHost());
    const stages = screen.getByRole("tablist", { name: zh.tabListLabel });
    const stageTabs = within(stages).getAllByRole("tab");
    expect(stageTabs.map(tabText)).toEqual(["准备", "评分", "结果", "定稿"]);
    expect(stageTabs.map((tab) => tab.getAttribute("aria-selected"))).toEqual([
      "true",
      "false",
      "false",
      "false",
    ]);
    for (const tab of stageTabs) {
      const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
      expect(panel?.getAttribute("role")).toBe("tabpanel");
      expect(panel?.getAttribute("aria-labelledby")).toBe(tab.id);
      expect(panel?.hidden).toBe(tab.getAttribute("aria-selected") !== "true");
    }
    // The scoring stage holds two views: their own tab list, inside the stage's panel.
    const scoring = document.getElementById("starscore-stage-panel-score")!;
    const viewTabs = within(scoring).getByRole("tablist", { name: "“评分”中的功能" });
    expect(within(viewTabs).getAllByRole("tab").map(tabText)).toEqual(["校验", "项目详情"]);
    for (const tab of within(viewTabs).getAllByRole("tab")) {
      const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "")!;
      expect(panel.getAttribute("role")).toBe("tabpanel");
      expect(panel.getAttribute("aria-labelledby")).toBe(tab.id);
      expect(scoring.contains(panel)).toBe(true);
    }
    expect(screen.getByRole("heading", { level: 2, name: zh.generateHeading })).toBeTruthy();
  });

  test("the navigation is data: every view of views.ts has its tab and panel, under its stage", async () => {
    await renderPane(fakeHost());
    for (const stage of STAGES) {
      const views = viewsOf(stage.id);
      expect(views.length).toBeGreaterThan(0);
      for (const view of views) {
        const panel = document.getElementById(`starscore-panel-${view.id}`);
        expect(panel?.getAttribute("role")).toBe("tabpanel");
        const label = document.getElementById(panel!.getAttribute("aria-labelledby")!)!;
        expect(tabText(label)).toBe(views.length > 1 ? zh[view.label] : zh[stage.label]);
      }
    }
    expect(VIEWS.map((v) => v.id)).toEqual([
      "generate",
      "validate",
      "inspector",
      "results",
      "plan",
      "compare",
      "finalise",
      "review",
    ]);
  });

  test("choosing a stage shows its last view; the views load on first visit and stay mounted", async () => {
    const host = fakeHost();
    await renderPane(host);
    const stages = screen.getByRole("tablist", { name: zh.tabListLabel });
    expect(host.inspectSelection).not.toHaveBeenCalled();
    fireEvent.click(within(stages).getByRole("tab", { name: "评分" }));
    // The stage's first view, Validate, shows.
    expect(document.getElementById("starscore-panel-validate")!.hidden).toBe(false);
    const scoring = document.getElementById("starscore-stage-panel-score")!;
    fireEvent.click(within(scoring).getByRole("tab", { name: zh.tabInspector }));
    await within(document.getElementById("starscore-panel-inspector")!).findByRole("heading", {
      level: 2,
      name: zh.inspectorHeading,
    });
    fireEvent.click(within(stages).getByRole("tab", { name: "结果" }));
    fireEvent.click(within(stages).getByRole("tab", { name: "评分" }));
    // Back to the inspector, which stayed mounted.
    expect(document.getElementById("starscore-panel-inspector")!.hidden).toBe(false);
    expect(document.getElementById("starscore-panel-validate")!.hidden).toBe(true);
    expect(document.getElementById("starscore-panel-inspector")!.querySelector("h2")).toBeTruthy();
  });

  test("the tabs are keyboard navigable: one tab stop per tab list, arrow keys between tabs, Enter or Space selects", async () => {
    await renderPane(fakeHost());
    // Fluent's TabList moves the focus with the arrow keys through a tabster mover (jsdom has no
    // layout, so tabster's visibility checks keep the keys themselves from working here; the
    // end-to-end suite presses them in Chromium).
    for (const tablist of screen.getAllByRole("tablist")) {
      expect(JSON.parse(tablist.getAttribute("data-tabster") ?? "{}")).toMatchObject({
        mover: { cyclic: true, hasDefault: true },
      });
      expect(tablist.getAttribute("aria-orientation")).toBe("horizontal");
    }
    const tabs = within(screen.getByRole("tablist", { name: zh.tabListLabel })).getAllByRole("tab");
    for (const tab of tabs) expect(tab.tagName).toBe("BUTTON");
    const last = tabs[3] as HTMLElement;
    last.focus();
    expect(document.activeElement).toBe(last);
    fireEvent.click(last);
    expect(last.getAttribute("aria-selected")).toBe("true");
    expect(document.getElementById("starscore-panel-finalise")?.hidden).toBe(false);
    expect(document.getElementById("starscore-panel-generate")?.hidden).toBe(true);
  });

  test("each view has its own status region, present before anything is announced", async () => {
    await renderPane(fakeHost());
    for (const view of VIEWS) {
      const status = within(document.getElementById(`starscore-panel-${view.id}`)!).getByRole("status", {
        name: zh.statusRegionLabel,
      });
      expect(status.getAttribute("aria-live")).toBe("polite");
    }
  });

  test("the language switch changes the tabs and the views", async () => {
    await renderPane(fakeHost());
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    const stages = screen.getByRole("tablist", { name: en.tabListLabel });
    expect(within(stages).getAllByRole("tab").map(tabText)).toEqual([
      "Set up",
      "Scoring",
      "Results",
      "Sign-off",
    ]);
    expect(screen.getByRole("tablist", { name: "Scoring views" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: en.generateHeading })).toBeTruthy();
    expect(screen.getByRole("button", { name: en.generateButton })).toBeTruthy();
  });

  test(
    "no axe violations of any impact in the header, the person field and the navigation",
    async () => {
      await renderPane(fakeHost(), {}, { person: "" });
      await act(async () => undefined);
      // The Generate view's content has its own axe test (generate/GenerateView.test.tsx).
      expect(await axeViolations(document.body, ["#starscore-panel-generate > :not([role=status])"])).toEqual(
        [],
      );
    },
    AXE_TIMEOUT_MS,
  );
});

describe("who is acting (issue 11, point 9)", () => {
  test("on first run the name is asked in one place, remembered as typed, then shown on one line", async () => {
    await renderPane(fakeHost(), {}, { person: "" });
    const field = screen.getByLabelText(zh.personLabel, { exact: false });
    fireEvent.change(field, { target: { value: "王组长" } });
    expect(localStorage.getItem("starscore.personName")).toBe("王组长");
    fireEvent.click(screen.getByText(zh.personDone).closest("button")!);
    expect(screen.queryByLabelText(zh.personLabel, { exact: false })).toBeNull();
    expect(screen.getByText("操作人：王组长")).toBeTruthy();
    const change = screen.getByText(zh.personChange).closest("button")!;
    await waitFor(() => expect(document.activeElement).toBe(change));
    fireEvent.click(change);
    expect(screen.getByLabelText(zh.personLabel, { exact: false })).toBeTruthy();
  });

  test("a remembered name is shown, not asked again", async () => {
    await renderPane(fakeHost());
    expect(screen.getByText("操作人：王组长")).toBeTruthy();
    expect(screen.queryByLabelText(zh.personLabel, { exact: false })).toBeNull();
  });

  test("Done without a name says it is needed", async () => {
    await renderPane(fakeHost(), {}, { person: "" });
    fireEvent.click(screen.getByText(zh.personDone).closest("button")!);
    expect(screen.getByText(zh.personRequired)).toBeTruthy();
  });
});

describe("status belongs to its view; one action at a time per workbook (issue 11, point 12)", () => {
  test("while Generate runs, the other views' actions wait, and say what they wait for", async () => {
    const pending = deferred<{ skipped: string[] }>();
    const host = fakeHost({ generate: jest.fn().mockReturnValue(pending.promise) });
    await renderPane(host);
    const generate = within(panel("generate"));
    fireEvent.change(generate.getByRole("textbox", { name: /受评组织/ }), {
      target: { value: "某电器公司" },
    });
    fireEvent.change(generate.getByRole("textbox", { name: "第 1 列：姓名" }), { target: { value: "张三" } });
    fireEvent.click(generate.getByRole("button", { name: zh.generateButton }));
    await waitFor(() => expect(statusOf("generate").textContent).toBe(zh.generating));

    host.hasWorkbook.mockResolvedValue(true);
    const results = await openView("results");
    const compute = results.getByText(zh.computeButton).closest("button")!;
    await waitFor(() => expect(compute.getAttribute("aria-disabled")).toBe("true"));
    expect(statusOf("results").textContent).toBe("“生成”中正在进行：正在生成工作簿…完成后才能开始其他操作。");
    fireEvent.click(compute);
    expect(host.compute).not.toHaveBeenCalled();
    // Generate's progress text is its own, untouched.
    expect(statusOf("generate").textContent).toBe(zh.generating);

    await act(async () => pending.resolve({ skipped: [] }));
    await waitFor(() => expect(compute.getAttribute("aria-disabled")).toBeNull());
    expect(statusOf("results").textContent).toBe("");
    fireEvent.click(compute);
    await waitFor(() => expect(host.compute).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(statusOf("results").textContent).toMatch(/^计算完成/));
    // Each message stays on its own view.
    expect(statusOf("generate").textContent).toBe("已生成工作簿，共 1 列评价人。");
    expect(statusOf("inspector").textContent).toBe("");
    expect(statusOf("validate").textContent).toBe("");
    // A scenario across three views: a dozen role queries, each a second in jsdom at worst.
  }, 15_000);
});
