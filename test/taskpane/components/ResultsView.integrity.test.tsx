/** @jest-environment jsdom */
import { fireEvent, waitFor } from "@testing-library/react";
import { messages } from "../../../src/taskpane/i18n";
import { VERIFY, fakeWorkbookHost } from "./fake-host";
import { openView, panel, renderPane, statusOf } from "./render";

const zh = messages.zh;

describe("Results view: the integrity check", () => {
  test("lists each finding as a link that selects its cell; the check is logged with the person", async () => {
    const host = fakeWorkbookHost();
    await renderPane(host);
    const view = await openView("results");
    fireEvent.click(view.getByRole("button", { name: zh.verifyButton }));
    await view.findByText(zh.verifyFoundBody);
    expect(host.verify).toHaveBeenCalledWith("王组长");
    expect(host.compute).not.toHaveBeenCalled();
    expect(statusOf("results").textContent).toBe("完整性检查发现 1 处问题。");
    const link = view.getByRole("button", { name: /^B3 得分：公式被替换为值“3”。/ });
    fireEvent.click(link);
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("'评分'!P7"));
    await waitFor(() =>
      expect(document.activeElement).toBe(view.getByRole("heading", { name: zh.verifyHeading })),
    );
  });

  test("a typed-over formula: the sentence says what changed, the formula is in a disclosure (point 1)", async () => {
    await renderPane(fakeWorkbookHost());
    const view = await openView("results");
    fireEvent.click(view.getByRole("button", { name: zh.verifyButton }));
    await view.findByText(zh.verifyFoundBody);
    const link = view.getByRole("button", { name: /^B3 得分/ });
    expect(link.textContent).not.toContain("=IF");
    const details = link.closest("li")!.querySelector("details")!;
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")!.textContent).toBe(zh.findingDetails);
    const codes = [...details.querySelectorAll("code")].map((c) => c.textContent);
    expect(codes).toEqual([VERIFY[0]!.engineValue, "3"]);
  });

  test("nothing found: says so", async () => {
    const host = fakeWorkbookHost({ verify: jest.fn().mockResolvedValue([]) });
    await renderPane(host);
    const view = await openView("results");
    fireEvent.click(view.getByRole("button", { name: zh.verifyButton }));
    await view.findByText(zh.verifyCleanBody);
    expect(statusOf("results").textContent).toBe(zh.verifiedClean);
  });

  test("a failure: an error bar titled for the check", async () => {
    const host = fakeWorkbookHost({ verify: jest.fn().mockRejectedValue(new Error("boom")) });
    await renderPane(host);
    const view = await openView("results");
    fireEvent.click(view.getByRole("button", { name: zh.verifyButton }));
    expect(await view.findByText(zh.verifyFailed)).toBeTruthy();
    expect(panel("results").textContent).not.toContain("boom");
  });
});
