import { isDarkColor, readOfficeEnvironment, waitForOffice } from "../../src/taskpane/office";

const globals = globalThis as { Office?: unknown };

/** Office's common API (Office.context, Office.onReady) is plain objects, not Excel-style proxies. */
function mockOffice(context: Record<string, unknown>, host: string | null = "Excel") {
  globals.Office = { context, onReady: () => Promise.resolve({ host, platform: host ? "PC" : null }) };
}

afterEach(() => {
  delete globals.Office;
});

describe("isDarkColor", () => {
  test.each([
    ["#FFFFFF", false],
    ["#f3f3f3", false],
    ["#fff", false],
    ["#B0B0B0", false],
    ["#666666", true],
    ["#262626", true],
    ["#000", true],
    ["", false],
    [undefined, false],
    ["red", false],
  ])("%p → %p", (color, dark) => {
    expect(isDarkColor(color)).toBe(dark);
  });
});

describe("readOfficeEnvironment", () => {
  test("inside Excel: requirement set, UI language and dark theme from Office.context", () => {
    const asked: unknown[][] = [];
    mockOffice({
      displayLanguage: "zh-CN",
      officeTheme: { bodyBackgroundColor: "#262626" },
      requirements: {
        isSetSupported: (...args: unknown[]) => {
          asked.push(args);
          return true;
        },
      },
    });
    expect(readOfficeEnvironment("Excel")).toEqual({
      host: "Excel",
      excelApiSupported: true,
      displayLanguage: "zh-CN",
      dark: true,
    });
    expect(asked).toEqual([["ExcelApi", "1.8"]]);
  });

  test("an old Excel without ExcelApi 1.8", () => {
    mockOffice({ displayLanguage: "en-US", requirements: { isSetSupported: () => false } });
    expect(readOfficeEnvironment("Excel")).toMatchObject({ excelApiSupported: false, dark: false });
  });

  test("another Office host is not Excel", () => {
    mockOffice({ displayLanguage: "en-US", requirements: { isSetSupported: () => true } });
    expect(readOfficeEnvironment("Word").excelApiSupported).toBe(false);
  });

  test("a plain browser: no host, no Office.context, the browser's language", () => {
    expect(readOfficeEnvironment(null)).toEqual({
      host: null,
      excelApiSupported: false,
      displayLanguage: (globalThis as { navigator?: Navigator }).navigator?.language,
      dark: false,
    });
  });
});

describe("waitForOffice", () => {
  test("without office.js resolves with no host", async () => {
    await expect(waitForOffice(10)).resolves.toBeNull();
  });

  test("resolves with the host Office.onReady reports", async () => {
    mockOffice({}, "Excel");
    await expect(waitForOffice(1000)).resolves.toBe("Excel");
  });

  test("a plain browser (host null) resolves with null", async () => {
    mockOffice({}, null);
    await expect(waitForOffice(1000)).resolves.toBeNull();
  });

  test("falls back to no host when Office.onReady never answers", async () => {
    globals.Office = { onReady: () => new Promise(() => undefined) };
    await expect(waitForOffice(20)).resolves.toBeNull();
  });
});
