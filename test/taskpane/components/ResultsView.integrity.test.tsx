/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { messages } from "../../../src/taskpane/i18n";
import { fakeHost, VERIFY } from "./fake-host";
import { openTab, renderPane } from "./render";

const zh = messages.zh;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("Results view: the integrity check", () => {
  test("lists each finding as a link that selects its cell", async () => {
    const host = fakeHost();
    await renderPane(host);
    const view = openTab(zh.tabResults, "results");
    fireEvent.click(view.getByRole("button", { name: zh.verifyButton }));
    await view.findByText(zh.verifyFoundBody);
    expect(host.verify).toHaveBeenCalledTimes(1);
    expect(host.compute).not.toHaveBeenCalled();
    expect(screen.getByRole("status").textContent).toBe("完整性检查发现 1 处问题。");
    const link = view.getByRole("button", { name: new RegExp(`^${escape(VERIFY[0]!.message!.zh)}`) });
    fireEvent.click(link);
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("'评分'!P7"));
    await waitFor(() =>
      expect(document.activeElement).toBe(view.getByRole("heading", { name: zh.verifyHeading })),
    );
  });

  test("nothing found: says so", async () => {
    const host = fakeHost({ verify: jest.fn().mockResolvedValue([]) });
    await renderPane(host);
    const view = openTab(zh.tabResults, "results");
    fireEvent.click(view.getByRole("button", { name: zh.verifyButton }));
    await view.findByText(zh.verifyCleanBody);
    expect(screen.getByRole("status").textContent).toBe(zh.verifiedClean);
  });

  test("a failure: an error bar titled for the check", async () => {
    const host = fakeHost({ verify: jest.fn().mockRejectedValue(new Error("boom")) });
    await renderPane(host);
    const view = openTab(zh.tabResults, "results");
    fireEvent.click(view.getByRole("button", { name: zh.verifyButton }));
    expect(await view.findByText(zh.verifyFailed)).toBeTruthy();
  });
});
