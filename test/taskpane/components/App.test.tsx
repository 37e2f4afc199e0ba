/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import axe from "axe-core";
import App, { type AppProps } from "../../../src/taskpane/components/App";
import { messages } from "../../../src/taskpane/i18n";
import { fakeHost } from "./fake-host";

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
    expect(screen.getByText(messages.zh.productSubtitle)).toBeTruthy();
    expect(screen.getByText(messages.zh.description)).toBeTruthy();
    expect(screen.queryByText(messages.zh.notInExcelTitle)).toBeNull();
    expect(screen.queryByText(messages.zh.unsupportedTitle)).toBeNull();
    expect(document.documentElement.lang).toBe("zh-CN");
  });

  test("renders in English", () => {
    renderApp({ initialLang: "en" });
    expect(screen.getByText(messages.en.productSubtitle)).toBeTruthy();
    expect(screen.getByText(messages.en.description)).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
  });

  test("the language switch is a labelled group of toggle buttons that changes the text", () => {
    renderApp();
    const group = screen.getByRole("group", { name: messages.zh.languageGroupLabel });
    const zh = within(group).getByRole("button", { name: "中文" });
    const en = within(group).getByRole("button", { name: "English" });
    expect(zh.getAttribute("aria-pressed")).toBe("true");
    expect(en.getAttribute("aria-pressed")).toBe("false");
    expect(en.getAttribute("lang")).toBe("en");

    fireEvent.click(en);
    expect(screen.getByText(messages.en.description)).toBeTruthy();
    expect(screen.queryByText(messages.zh.description)).toBeNull();
    expect(screen.getByRole("group", { name: messages.en.languageGroupLabel })).toBeTruthy();
    expect(en.getAttribute("aria-pressed")).toBe("true");
    expect(document.documentElement.lang).toBe("en");

    fireEvent.click(within(group).getByRole("button", { name: "中文" }));
    expect(screen.getByText(messages.zh.description)).toBeTruthy();
  });

  test("the language buttons are native buttons, reachable by keyboard", () => {
    renderApp();
    const en = screen.getByRole("button", { name: "English" });
    expect(en.tagName).toBe("BUTTON");
    expect(en.tabIndex).toBe(0);
    en.focus();
    expect(document.activeElement).toBe(en);
  });

  test("outside Excel it says to open StarScore inside Excel and names the Excels to use", () => {
    renderApp({ inExcel: false, excelApiSupported: false });
    expect(screen.getByText(messages.zh.notInExcelTitle)).toBeTruthy();
    expect(screen.getByText(messages.zh.notInExcelBody, { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByText(messages.en.notInExcelTitle)).toBeTruthy();
    expect(screen.getByText(/Excel on the web/)).toBeTruthy();
  });

  test("in an Excel without ExcelApi 1.8 it says the version is not supported", () => {
    renderApp({ initialLang: "en", inExcel: true, excelApiSupported: false });
    expect(screen.getByText(messages.en.unsupportedTitle)).toBeTruthy();
    expect(screen.queryByText(messages.en.notInExcelTitle)).toBeNull();
  });

  test("has no axe violations", async () => {
    const { container } = renderApp({ inExcel: false, excelApiSupported: false });
    let results: axe.AxeResults | undefined;
    await act(async () => {
      results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    });
    expect(results?.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test("without a host (before Office.js is wired) there are no views", () => {
    renderApp();
    expect(screen.queryByRole("tablist")).toBeNull();
  });

  test("outside Excel the views stay hidden even with a host", () => {
    renderApp({ inExcel: false, excelApiSupported: false, host: fakeHost() });
    expect(screen.queryByRole("tablist")).toBeNull();
    expect(screen.getByText(messages.zh.notInExcelTitle)).toBeTruthy();
  });
});

describe("App with a host", () => {
  async function renderWithHost() {
    const host = fakeHost();
    const view = renderApp({ host });
    await act(async () => undefined);
    return { host, view };
  }

  test("a labelled tab list of five views, each tab controlling its panel", async () => {
    await renderWithHost();
    const tablist = screen.getByRole("tablist", { name: messages.zh.tabListLabel });
    const tabs = within(tablist).getAllByRole("tab");
    expect(tabs.map((tab) => tab.querySelector(".fui-Tab__content")?.textContent)).toEqual([
      "生成",
      "校验",
      "结果",
      "项目详情",
      "定稿",
    ]);
    expect(tabs.map((tab) => tab.getAttribute("aria-selected"))).toEqual([
      "true",
      "false",
      "false",
      "false",
      "false",
    ]);
    for (const tab of tabs) {
      const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
      expect(panel?.getAttribute("role")).toBe("tabpanel");
      expect(panel?.getAttribute("aria-labelledby")).toBe(tab.id);
      expect(panel?.hidden).toBe(tab.getAttribute("aria-selected") !== "true");
    }
    expect(screen.getByRole("heading", { level: 2, name: messages.zh.generateHeading })).toBeTruthy();
  });

  test("the tabs are keyboard navigable: one tab stop, arrow keys between tabs, Enter or Space selects", async () => {
    await renderWithHost();
    const tablist = screen.getByRole("tablist");
    // Fluent's TabList moves the focus with the arrow keys through a tabster mover (jsdom has no
    // layout, so tabster's visibility checks keep the keys themselves from working here; the
    // end-to-end suite presses them in Chromium).
    expect(JSON.parse(tablist.getAttribute("data-tabster") ?? "{}")).toMatchObject({
      mover: { cyclic: true, hasDefault: true },
    });
    expect(tablist.getAttribute("aria-orientation")).toBe("horizontal");
    const tabs = screen.getAllByRole("tab");
    for (const tab of tabs) expect(tab.tagName).toBe("BUTTON");
    const second = tabs[1] as HTMLElement;
    second.focus();
    expect(document.activeElement).toBe(second);
    // A native button: Enter and Space click it.
    fireEvent.click(second);
    expect(second.getAttribute("aria-selected")).toBe("true");
    expect(document.getElementById("starscore-panel-validate")?.hidden).toBe(false);
    expect(document.getElementById("starscore-panel-generate")?.hidden).toBe(true);
  });

  test("one status region for the actions, present before anything is announced", async () => {
    await renderWithHost();
    const status = screen.getByRole("status", { name: messages.zh.statusRegionLabel });
    expect(status.getAttribute("aria-live")).toBe("polite");
  });

  test("the language switch changes the tabs and the views", async () => {
    await renderWithHost();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("tablist", { name: messages.en.tabListLabel })).toBeTruthy();
    expect(screen.getByRole("tab", { name: /^Generate/ })).toBeTruthy();
    expect(screen.getByRole("tab", { name: /^Inspector/ })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: messages.en.generateHeading })).toBeTruthy();
    expect(screen.getByRole("button", { name: messages.en.generateButton })).toBeTruthy();
    expect(screen.getByRole("status", { name: messages.en.statusRegionLabel })).toBeTruthy();
  });
});
