/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import axe from "axe-core";
import App, { type AppProps } from "../../src/taskpane/components/App";
import { messages } from "../../src/taskpane/i18n";

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
});
