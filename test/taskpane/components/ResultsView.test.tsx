/** @jest-environment jsdom */
import { fireEvent, waitFor } from "@testing-library/react";
import type { ResultJson } from "../../../src/core/report";
import { messages } from "../../../src/taskpane/i18n";
import { GRADE_COLORS } from "../../../src/taskpane/components/ResultsView";
import { COMPUTE, fakeHost, fakeWorkbookHost } from "./fake-host";
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

async function computed(host = fakeWorkbookHost()) {
  await renderPane(host);
  const view = await openView("results");
  expect(view.getByText(zh.notComputed)).toBeTruthy();
  fireEvent.click(view.getByRole("button", { name: zh.computeButton }));
  await view.findByText("64.00");
  return { host, view };
}

function withDisagreement(result: ResultJson): ResultJson {
  const items = result.agreement.items.map((i) =>
    i.code === "B1" ? { ...i, spreadBands: 2, disagreement: true } : i,
  );
  return { ...result, agreement: { ...result.agreement, items } };
}

const factsOf = (root: HTMLElement) => [...root.querySelector("dl")!.children].map((el) => el.textContent);

describe("Results view", () => {
  test("final score with 2 decimals, grade badge, failed with every reason, incomplete", async () => {
    const { host, view } = await computed();
    expect(host.compute).toHaveBeenCalledTimes(1);
    expect(host.compute).toHaveBeenCalledWith("王组长");
    // Full-width colon (point 16).
    const grade = view.getByText("等级：不合格");
    expect(grade.className).toMatch(/fui-Badge/);
    expect(view.getByText(zh.failed)).toBeTruthy();
    expect(view.getByRole("heading", { name: zh.failReasons })).toBeTruthy();
    expect(view.getByText("最终得分 64.00 低于 70 分。")).toBeTruthy();
    expect(view.getByText("特别扣分项有 5 项（5 项及以上不通过）。")).toBeTruthy();
    expect(view.getAllByText(zh.incomplete).length).toBeGreaterThan(0);
    expect(view.getByText(zh.incompleteBody)).toBeTruthy();
    expect(statusOf("results").textContent).toBe("计算完成：最终得分 64.00，不合格。");
    await waitFor(() =>
      expect(document.activeElement).toBe(view.getByRole("heading", { name: zh.finalScore })),
    );
  });

  test("the figures with their units: points, a count with the points it takes off, the bonus in points (point 11)", async () => {
    const { view } = await computed();
    const result = view.getByRole("region", { name: zh.finalScore });
    expect(factsOf(result)).toEqual([
      zh.scaledScore,
      "68.50 分",
      zh.deductionsLabel,
      "5 项，扣 5 分",
      zh.bonusLabel,
      "加 0.50 分",
    ]);
    chooseLanguage("en");
    expect(factsOf(result)).toEqual([
      en.scaledScore,
      "68.50 points",
      en.deductionsLabel,
      "5, minus 5 points",
      en.bonusLabel,
      "plus 0.50 points",
    ]);
  });

  test("validation's counts, with a link to Validate (point 11)", async () => {
    const { view } = await computed();
    // The unscored item (A3) is progress, not an error.
    expect(view.getByText(/^校验发现 3 个错误、1 个警告。/)).toBeTruthy();
    fireEvent.click(view.getByRole("button", { name: "前往“校验”" }));
    expect(panel("validate").hidden).toBe(false);
    expect(panel("results").hidden).toBe(true);
  });

  test("a passing, complete result", async () => {
    const pass = {
      ...COMPUTE,
      integrity: [],
      issues: [],
      result: {
        zh: {
          ...COMPUTE.result.zh,
          complete: true,
          finalScore: 91.5,
          grade: "four-star" as const,
          gradeLabel: "四星级",
          passed: true,
          reasons: [],
          deductions: 0,
          bonus: 0,
        },
        en: {
          ...COMPUTE.result.en,
          complete: true,
          finalScore: 91.5,
          grade: "four-star" as const,
          gradeLabel: "Four-star",
          passed: true,
          reasons: [],
          deductions: 0,
          bonus: 0,
        },
      },
    };
    await renderPane(fakeWorkbookHost({ compute: jest.fn().mockResolvedValue(pass) }));
    const view = await openView("results");
    fireEvent.click(view.getByRole("button", { name: zh.computeButton }));
    await view.findByText("91.50");
    expect(view.getByText("等级：四星级")).toBeTruthy();
    expect(view.getByText(zh.passed)).toBeTruthy();
    expect(view.getByText(zh.complete)).toBeTruthy();
    expect(view.queryByText(zh.failReasons)).toBeNull();
    expect(view.queryByText(zh.integrityHeading)).toBeNull();
    expect(factsOf(view.getByRole("region", { name: zh.finalScore })).slice(2)).toEqual([
      zh.deductionsLabel,
      zh.none,
      zh.bonusLabel,
      zh.none,
    ]);
  });

  test("grade colours run from green (five stars) to red (fail)", () => {
    expect(GRADE_COLORS["five-star"]).toBe("success");
    expect(GRADE_COLORS.fail).toBe("danger");
  });

  test("integrity errors are shown with their cells, in words (no defined names); clicking selects the cell", async () => {
    const { host, view } = await computed();
    expect(view.getByText(zh.integrityHeading)).toBeTruthy();
    const link = view.getByRole("button", { name: /^最终得分：表中为 80，应为 64/ });
    expect(panel("results").textContent).not.toContain("Result_FinalScore");
    fireEvent.click(link);
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("'汇总'!C5"));
  });

  test("both levels of indicators, in Appendix A's order, with their values as text (point 11)", async () => {
    const { view } = await computed();
    const section = view.getByRole("region", { name: zh.indicatorsHeading });
    const labels = [...section.querySelectorAll("label")].map((l) => l.textContent);
    expect(labels).toEqual(["服务要求", "5.2.1 商品信息", "5.2.6 废弃商品回收", "管理要求"]);
    const bars = view.getAllByRole("progressbar");
    expect(bars).toHaveLength(4);
    // 服务要求: only 5.2.1 applies here, 4.5 of 6.
    expect(bars[0]?.getAttribute("aria-valuenow")).toBe("0.75");
    expect(view.getAllByText("4.50 / 6 分（75.0 %）")).toHaveLength(2);
    expect(view.getAllByText(zh.indicatorExcluded)).toHaveLength(2);
  });

  test("excluded items and their reasons (point 11)", async () => {
    const { view } = await computed();
    const section = await view.findByRole("region", { name: zh.excludedHeading });
    await waitFor(() =>
      expect([...section.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
        "B23 回收注意事项：（未填写原因）",
        "B24 回收和处置：不回收废旧商品",
      ]),
    );
  });

  test("per-evaluator totals, coverage and bias (issue 12: mean minus the team's, signed) in a table", async () => {
    const { view } = await computed();
    const table = view.getByRole("table", { name: zh.evaluatorsTableHeading });
    const rows = Array.from(table.querySelectorAll("tbody tr")).map((row) =>
      Array.from(row.querySelectorAll("td")).map((cell) => cell.textContent),
    );
    // 2 applicable items (B23, B24 excluded).
    expect(rows).toEqual([
      ["张三", "审核员", "40.25", "2 / 2", "100.0 %", "+10.00"],
      ["暗访 1", "暗访", "12.50", "1 / 2", "50.0 %", "−20.00"],
    ]);
  });

  test("in a narrow pane the table is a list of labelled rows (point 10)", async () => {
    const matchMedia = window.matchMedia;
    window.matchMedia = ((query: string) => ({
      matches: /max-width/.test(query),
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    })) as unknown as typeof window.matchMedia;
    try {
      const { view } = await computed();
      expect(view.queryByRole("table", { name: zh.evaluatorsTableHeading })).toBeNull();
      const list = view.getByRole("list", { name: zh.evaluatorsTableHeading });
      const first = list.querySelector("li")!;
      expect(first.querySelector("span")!.textContent).toBe("张三");
      expect([...first.querySelectorAll("dt, dd")].map((el) => el.textContent)).toEqual([
        zh.colKind,
        "审核员",
        zh.colTotal,
        "40.25",
        zh.colItems,
        "2 / 2",
        zh.colCoverage,
        "100.0 %",
        zh.colBias,
        "+10.00",
      ]);
    } finally {
      window.matchMedia = matchMedia;
    }
  });

  test("the items in disagreement, each with every evaluator's entry (issue 12); none said so", async () => {
    const disagreeing = {
      ...COMPUTE,
      result: {
        zh: withDisagreement(COMPUTE.result.zh),
        en: withDisagreement(COMPUTE.result.en),
      },
      disagreements: [{ code: "B1", entries: [100, null] }],
    };
    const { view } = await computed(fakeWorkbookHost({ compute: jest.fn().mockResolvedValue(disagreeing) }));
    const section = view.getByRole("region", { name: zh.disagreementsHeading });
    expect(section.textContent).toContain(zh.disagreementsIntro);
    const items = [...section.querySelectorAll("ul > li")];
    expect(items[0]!.textContent).toMatch(/^B1( .*)?：60–100 %，相差 2 档/);
    expect([...items[0]!.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "张三：100",
      `暗访 1：${zh.entryBlank}`,
    ]);
  });

  test("no item in disagreement: the section says so", async () => {
    const { view } = await computed();
    const section = view.getByRole("region", { name: zh.disagreementsHeading });
    expect(section.textContent).toContain(zh.disagreementsNone);
    expect(section.querySelector("ul")).toBeNull();
  });

  test("the result follows the pane's language", async () => {
    const { view } = await computed();
    chooseLanguage("en");
    expect(view.getByText("Grade: Fail")).toBeTruthy();
    expect(view.getByText("The final score 64.00 is below 70.")).toBeTruthy();
    expect(view.getByText("5.2.1 Product information")).toBeTruthy();
    expect(view.getByText("Service requirements")).toBeTruthy();
    expect(view.getAllByText("4.50 of 6 points (75.0 %)")).toHaveLength(2);
    expect(view.getByText(/^Validation found 3 errors and 1 warning\./)).toBeTruthy();
    expect(view.getByRole("table", { name: en.evaluatorsTableHeading })).toBeTruthy();
    expect(statusOf("results").textContent).toBe("Computed: final score 64.00, Fail.");
  });

  test("a failure shows a message bar in words and keeps the button usable", async () => {
    const host = fakeWorkbookHost({
      compute: jest
        .fn()
        .mockRejectedValue(Object.assign(new Error("RichApi.Error: timeout"), { code: "RequestAborted" })),
    });
    await renderPane(host, { initialLang: "en" });
    const view = await openView("results", "en");
    const button = view.getByRole("button", { name: en.computeButton });
    fireEvent.click(button);
    await view.findByText(en.computeFailed);
    expect(view.getByText("Excel aborted the request. Try again.")).toBeTruthy();
    expect(panel("results").textContent).not.toMatch(/RichApi|timeout/);
    expect(button.getAttribute("aria-disabled")).toBeNull();
  });

  test("a workbook without StarScore's sheets: what to do instead of an empty list (point 3)", async () => {
    const host = fakeHost();
    await renderPane(host);
    const view = await openView("results");
    await view.findByText(zh.noWorkbookTitle);
    expect(view.getByText(zh.noWorkbookBody)).toBeTruthy();
    for (const name of [zh.computeButton, zh.verifyButton]) {
      const button = view.getByRole("button", { name });
      expect(button.getAttribute("aria-disabled")).toBe("true");
      fireEvent.click(button);
    }
    expect(host.compute).not.toHaveBeenCalled();
    expect(host.verify).not.toHaveBeenCalled();
    expect(view.getByRole("button", { name: "前往“生成”" })).toBeTruthy();
  });

  test(
    "no axe violations of any impact",
    async () => {
      await computed();
      expect(await axeViolations(panel("results"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
