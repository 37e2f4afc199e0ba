/** @jest-environment jsdom */
import { fireEvent, waitFor } from "@testing-library/react";
import { ActionError } from "../../../src/taskpane/actions/errors";
import type { FinaliseStatus } from "../../../src/taskpane/actions/types";
import { messages } from "../../../src/taskpane/i18n";
import { DRAFT_STATUS, FINALISED, fakeWorkbookHost } from "./fake-host";
import {
  AXE_TIMEOUT_MS,
  axeViolations,
  chooseLanguage,
  openView,
  panel,
  renderPane,
  statusOf,
} from "./render";

// Rendering the pane and its views takes seconds in jsdom on a loaded machine.
jest.setTimeout(30_000);
const zh = messages.zh;
const en = messages.en;

const FINALISED_STATUS: FinaliseStatus = {
  ...DRAFT_STATUS,
  state: "finalised",
  record: FINALISED,
  review: { state: "finalised", n: 1, finalisedBy: "王组长", finalisedAt: FINALISED.finalisedAt },
};

const APPROVED_STATUS: FinaliseStatus = {
  ...FINALISED_STATUS,
  review: {
    ...FINALISED_STATUS.review!,
    state: "approved",
    reviewedBy: "李经理",
    reviewedAt: "2025-03-15T10:00:00+08:00",
    comment: "证据充分",
  },
};

async function reviewView(status: FinaliseStatus = FINALISED_STATUS, person = "李经理") {
  const host = fakeWorkbookHost({ finaliseStatus: jest.fn().mockResolvedValue(status) });
  await renderPane(host, {}, { person });
  const view = await openView("review");
  await view.findByText(zh.reviewStateHeading);
  return { host, view };
}

const stateText = () => panel("review").querySelector("[data-review-state]")?.textContent ?? "";

describe("Review view", () => {
  test("one screen: state, completeness, disagreement with every entry, exclusions, deductions, bonus, integrity, log; nothing written", async () => {
    const { host, view } = await reviewView();
    await waitFor(() => expect(stateText()).toMatch(/^已定稿，待审核：王组长，.*（第 1 次定稿）。$/));
    expect(host.reviewReport).toHaveBeenCalledTimes(1);
    // The integrity check without a name: it reads only, nothing is logged.
    expect(host.verify).toHaveBeenCalledWith();
    expect(host.compute).not.toHaveBeenCalled();
    await view.findByText(zh.reviewCompletenessHeading);
    expect(view.getByText("2 / 2 个适用项目有有效评分。")).toBeTruthy();
    // B1 in disagreement, with both evaluators' entries.
    const list = view.getByTestId("starscore-review-disagreements-list");
    expect(list.textContent).toContain("B1");
    expect(list.textContent).toContain("60–100 %，相差 2 档");
    expect([...list.querySelectorAll(":scope > li > ul > li")].map((li) => li.textContent)).toEqual([
      "张三：100",
      "暗访 1：60",
    ]);
    // The exclusions with their reasons, a missing reason said so.
    expect(view.getByText(/不回收废旧商品/)).toBeTruthy();
    expect(view.getByText(/（未填写原因）/)).toBeTruthy();
    // Deductions with their rectification; one without is said so.
    expect(view.getByText("1. 不符合国家法律法规：未按规定公示三包期限")).toBeTruthy();
    expect(view.getByText("整改：在门店和网站公示三包期限")).toBeTruthy();
    expect(view.getByText("期限：2025-04-30")).toBeTruthy();
    expect(view.getByText(zh.reviewNoRectification)).toBeTruthy();
    expect(view.getByText("加 0.50 分：获得省级服务标杆称号")).toBeTruthy();
    expect(await view.findByText(zh.verifyFoundBody)).toBeTruthy();
    expect(view.getAllByRole("row").length).toBe(3);
  });

  test("approve: the host is asked with the name, the verdict and the comment; the state is read again", async () => {
    const { host, view } = await reviewView();
    await view.findByText(zh.reviewCompletenessHeading);
    fireEvent.change(view.getByRole("textbox", { name: new RegExp(zh.reviewCommentLabel) }), {
      target: { value: " 证据充分 " },
    });
    host.finaliseStatus.mockResolvedValue(APPROVED_STATUS);
    fireEvent.click(view.getByRole("button", { name: zh.approveButton }));
    await waitFor(() => expect(host.review).toHaveBeenCalledWith("李经理", "approve", "证据充分"));
    await waitFor(() => expect(stateText()).toMatch(/^已审核通过：李经理，/));
    expect(view.getByText("意见：证据充分")).toBeTruthy();
    expect(statusOf("review").textContent).toBe(zh.approvedDone);
    // Approved: approving again is not offered, returning still is.
    expect(view.getByRole("button", { name: zh.approveButton }).getAttribute("aria-disabled")).toBe("true");
    expect(view.getByRole("button", { name: zh.returnButton }).getAttribute("aria-disabled")).toBeNull();
  });

  test("return needs a comment: asked in the field, the host not called until there is one", async () => {
    const { host, view } = await reviewView();
    await view.findByText(zh.reviewCompletenessHeading);
    fireEvent.click(view.getByRole("button", { name: zh.returnButton }));
    expect(await view.findByText(zh.reviewCommentRequired)).toBeTruthy();
    expect(host.review).not.toHaveBeenCalled();
    const field = view.getByRole("textbox", { name: new RegExp(zh.reviewCommentLabel) });
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: "B1 的评分请复核" } });
    expect(view.queryByText(zh.reviewCommentRequired)).toBeNull();
    fireEvent.click(view.getByRole("button", { name: zh.returnButton }));
    await waitFor(() => expect(host.review).toHaveBeenCalledWith("李经理", "return", "B1 的评分请复核"));
  });

  test("the person who finalised is refused by the host, and the view shows why", async () => {
    const refusal = {
      zh: "第 1 次定稿由 王组长 本人完成：审核须由另一人进行。",
      en: "Finalisation 1 was made by 王组长: someone else must review it.",
    };
    const { host, view } = await reviewView(FINALISED_STATUS, "王组长");
    host.review.mockRejectedValue(new ActionError(refusal));
    await view.findByText(zh.reviewCompletenessHeading);
    fireEvent.click(view.getByRole("button", { name: zh.approveButton }));
    expect(await view.findByText(refusal.zh)).toBeTruthy();
    chooseLanguage("en");
    expect(await view.findByText(refusal.en)).toBeTruthy();
    expect(view.getByText(en.approveFailed)).toBeTruthy();
  });

  test("a draft: nothing to decide yet, both buttons unavailable", async () => {
    const { view } = await reviewView({ ...DRAFT_STATUS, review: { state: "draft" } });
    await waitFor(() => expect(stateText()).toBe(zh.reviewStateDraft));
    expect(view.getByText(zh.reviewNotYet)).toBeTruthy();
    for (const name of [zh.approveButton, zh.returnButton])
      expect(view.getByRole("button", { name }).getAttribute("aria-disabled")).toBe("true");
  });

  test(
    "no axe violations of any impact",
    async () => {
      const { view } = await reviewView();
      await view.findByText(zh.reviewCompletenessHeading);
      expect(await axeViolations(panel("review"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
