/** @jest-environment jsdom */
import { fireEvent, waitFor } from "@testing-library/react";
import { planFor } from "../../../src/core/plan";
import { planParagraph } from "../../../src/core/plan-words";
import { scoreAssessment } from "../../../src/core/score";
import { messages } from "../../../src/taskpane/i18n";
import { assessmentWith } from "../../helpers/builders";
import { fakeWorkbookHost, PLAN } from "./fake-host";
import {
  AXE_TIMEOUT_MS,
  axeViolations,
  chooseLanguage,
  openView,
  panel,
  renderPane,
  statusOf,
  tableRows,
} from "./render";

const zh = messages.zh;
const en = messages.en;

async function planned(host = fakeWorkbookHost()) {
  await renderPane(host);
  const view = await openView("plan");
  expect(view.getByText(zh.notPlanned)).toBeTruthy();
  fireEvent.click(view.getByRole("button", { name: zh.planButton }));
  await view.findByText(planParagraph(PLAN.plan, "zh"));
  return { host, view };
}

describe("Plan view", () => {
  test("the plan in the CLI's words, its figures and the raises; the default target is the next grade", async () => {
    const { host, view } = await planned();
    expect(host.plan).toHaveBeenCalledWith(undefined);
    expect(view.getByRole("heading", { name: "达到四星级（90 分）" })).toBeTruthy();
    expect(view.getByText("等级：三星级")).toBeTruthy();
    const facts = [...panel("plan").querySelector("dl")!.children].map((el) => el.textContent);
    expect(facts).toEqual([
      zh.planPointsNeeded,
      "2.30 分",
      zh.planSteps,
      "2 次",
      zh.planProjected,
      "90.30（四星级）",
    ]);
    const raises = view.getByRole("table", { name: zh.planRaisesHeading });
    // The titles come with the catalogue's chunk.
    await waitFor(() =>
      expect(tableRows(raises)).toEqual([
        ["C7 投诉处理", "80 %", "100 %", "+1.40"],
        ["A11 监督与奖惩", "80 %", "100 %", "+1.20"],
      ]),
    );
    expect(statusOf("plan").textContent).toBe("已计算达到四星级的计划。");
    await waitFor(() => expect(document.activeElement?.textContent).toBe("达到四星级（90 分）"));
    chooseLanguage("en");
    expect(view.getByText(planParagraph(PLAN.plan, "en"))).toBeTruthy();
    expect(view.getByRole("heading", { name: "To Four-star (90)" })).toBeTruthy();
  });

  test("an item goes to its row on the Scoring sheet", async () => {
    const { host, view } = await planned();
    const raises = view.getByRole("table", { name: zh.planRaisesHeading });
    fireEvent.click(raises.querySelector("button")!);
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith(PLAN.cells.C7));
  });

  test("the headroom: the items that could still add most, largest first, ten at most", async () => {
    const { view } = await planned();
    const headroom = view.getByRole("table", { name: "各项目还能增加的得分（前 10 项）" });
    const rows = tableRows(headroom);
    expect(rows).toHaveLength(10);
    expect(rows.slice(0, 2).map((r) => [r[0]!.split(" ")[0], r[1], r[2], r[3]])).toEqual([
      ["C7", "7", "80 %", "+1.40"],
      ["A11", "6", "80 %", "+1.20"],
    ]);
  });

  test("the target chosen is asked for", async () => {
    const host = fakeWorkbookHost();
    await renderPane(host);
    const view = await openView("plan");
    fireEvent.change(view.getByRole("combobox", { name: zh.planTargetLabel }), {
      target: { value: "five-star" },
    });
    fireEvent.click(view.getByRole("button", { name: zh.planButton }));
    await waitFor(() => expect(host.plan).toHaveBeenCalledWith("five-star"));
  });

  test("not reachable for deductions: how many to clear; no projection", async () => {
    const plan = planFor(scoreAssessment(assessmentWith({ fill: () => 90, deductions: 6 })));
    expect(plan).toMatchObject({ reachable: false, reason: "deductions", deductionsToClear: 2 });
    const host = fakeWorkbookHost({ plan: jest.fn().mockResolvedValue({ plan, cells: PLAN.cells }) });
    await renderPane(host);
    const view = await openView("plan");
    fireEvent.click(view.getByRole("button", { name: zh.planButton }));
    await view.findByText(zh.planDeductionsTitle);
    expect(
      view.getByText("特别扣分项达 5 项及以上的，无论得分多少均为不合格。须整改并消除的特别扣分项：2 项。"),
    ).toBeTruthy();
    expect(view.queryByText(zh.planProjected)).toBeNull();
    expect(view.queryByRole("table", { name: zh.planRaisesHeading })).toBeNull();
    chooseLanguage("en");
    expect(view.getByText(/To rectify and clear: 2 deductions\./)).toBeTruthy();
  });

  test("reached already: said so, no raises", async () => {
    const plan = planFor(scoreAssessment(assessmentWith({ fill: () => 90 })), "three-star");
    expect(plan.reached).toBe(true);
    const host = fakeWorkbookHost({ plan: jest.fn().mockResolvedValue({ plan, cells: PLAN.cells }) });
    await renderPane(host);
    const view = await openView("plan", "zh");
    fireEvent.click(view.getByRole("button", { name: zh.planButton }));
    await view.findByText(zh.planReachedTitle);
    expect(view.queryByRole("table", { name: zh.planRaisesHeading })).toBeNull();
    expect(en.planReachedTitle).toBe("The target grade is reached");
  });

  test(
    "axe finds nothing in the view with a plan",
    async () => {
      await planned();
      expect(await axeViolations(panel("plan"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
