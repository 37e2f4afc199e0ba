/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { messages } from "../../../src/taskpane/i18n";
import { GRADE_COLORS } from "../../../src/taskpane/components/ResultsView";
import { COMPUTE, fakeHost } from "./fake-host";
import { AXE_TIMEOUT_MS, openTab, panel, renderPane, seriousViolations } from "./render";

const zh = messages.zh;
const en = messages.en;

async function computed(host = fakeHost()) {
  await renderPane(host);
  const view = openTab(zh.tabResults, "results");
  expect(view.getByText(zh.notComputed)).toBeTruthy();
  fireEvent.click(view.getByRole("button", { name: zh.computeButton }));
  await view.findByText("64.00");
  return { host, view };
}

describe("Results view", () => {
  test("final score with 2 decimals, grade badge, failed with every reason, incomplete", async () => {
    const { host, view } = await computed();
    expect(host.compute).toHaveBeenCalledTimes(1);
    const grade = view.getByText("等级: 不合格");
    expect(grade.className).toMatch(/fui-Badge/);
    expect(view.getByText(zh.failed)).toBeTruthy();
    expect(view.getByRole("heading", { name: zh.failReasons })).toBeTruthy();
    expect(view.getByText("最终得分 64.00 低于 70 分。")).toBeTruthy();
    expect(view.getByText("特别扣分项有 5 项（5 项及以上不通过）。")).toBeTruthy();
    expect(view.getAllByText(zh.incomplete).length).toBeGreaterThan(0);
    expect(view.getByText(zh.incompleteBody)).toBeTruthy();
    expect(view.getByText("68.50")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("计算完成：最终得分 64.00，不合格。");
    await waitFor(() =>
      expect(document.activeElement).toBe(view.getByRole("heading", { name: zh.finalScore })),
    );
    expect(view.getByText("校验发现 3 个错误、1 个警告，详见“校验”页。")).toBeTruthy();
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
        },
        en: {
          ...COMPUTE.result.en,
          complete: true,
          finalScore: 91.5,
          grade: "four-star" as const,
          gradeLabel: "Four-star",
          passed: true,
          reasons: [],
        },
      },
    };
    await renderPane(fakeHost({ compute: jest.fn().mockResolvedValue(pass) }));
    const view = openTab(zh.tabResults, "results");
    fireEvent.click(view.getByRole("button", { name: zh.computeButton }));
    await view.findByText("91.50");
    expect(view.getByText("等级: 四星级")).toBeTruthy();
    expect(view.getByText(zh.passed)).toBeTruthy();
    expect(view.getByText(zh.complete)).toBeTruthy();
    expect(view.queryByText(zh.failReasons)).toBeNull();
    expect(view.queryByText(zh.integrityHeading)).toBeNull();
  });

  test("grade colours run from green (five stars) to red (fail)", () => {
    expect(GRADE_COLORS["five-star"]).toBe("success");
    expect(GRADE_COLORS.fail).toBe("danger");
  });

  test("integrity errors are shown with their cells; clicking selects the cell", async () => {
    const { host, view } = await computed();
    expect(view.getByText(zh.integrityHeading)).toBeTruthy();
    const link = view.getByRole("button", { name: /Result_FinalScore：表中为 80，应为 64/ });
    fireEvent.click(link);
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("'汇总'!C5"));
  });

  test("per-indicator attainment bars with their values as text", async () => {
    const { view } = await computed();
    const bars = view.getAllByRole("progressbar");
    expect(bars).toHaveLength(2);
    expect(bars[0]?.getAttribute("aria-valuenow")).toBe("0.75");
    expect(view.getByText("5.2.1 商品信息")).toBeTruthy();
    expect(view.getByText("4.50 / 6 分（75.0 %）")).toBeTruthy();
    expect(view.getByText(zh.indicatorExcluded)).toBeTruthy();
  });

  test("per-evaluator totals and coverage in a table", async () => {
    const { view } = await computed();
    const table = view.getByRole("table", { name: zh.evaluatorsTableHeading });
    const rows = Array.from(table.querySelectorAll("tbody tr")).map((row) =>
      Array.from(row.querySelectorAll("td")).map((cell) => cell.textContent),
    );
    // 2 applicable items (B23, B24 excluded).
    expect(rows).toEqual([
      ["张三", "审核员", "40.25", "2 / 2", "100.0 %"],
      ["暗访 1", "暗访", "12.50", "1 / 2", "50.0 %"],
    ]);
  });

  test("the result follows the pane's language", async () => {
    const { view } = await computed();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(view.getByText("Grade: Fail")).toBeTruthy();
    expect(view.getByText("The final score 64.00 is below 70.")).toBeTruthy();
    expect(view.getByText("5.2.1 Product information")).toBeTruthy();
    expect(view.getByText("4.50 of 6 points (75.0 %)")).toBeTruthy();
    expect(view.getByRole("table", { name: en.evaluatorsTableHeading })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Computed: final score 64.00, Fail.");
  });

  test("a failure shows a message bar and keeps the button usable", async () => {
    const host = fakeHost({ compute: jest.fn().mockRejectedValue(new Error("RichApi.Error: timeout")) });
    await renderPane(host, { initialLang: "en" });
    const view = openTab(en.tabResults, "results");
    const button = view.getByRole("button", { name: en.computeButton });
    fireEvent.click(button);
    await view.findByText(en.computeFailed);
    expect(view.getByText("Error: RichApi.Error: timeout")).toBeTruthy();
    expect(button.getAttribute("aria-disabled")).toBeNull();
  });

  test(
    "no serious or critical axe violations",
    async () => {
      await computed();
      expect(await seriousViolations(panel("results"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
