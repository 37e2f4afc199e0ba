/** @jest-environment jsdom */
import { fireEvent, waitFor } from "@testing-library/react";
import { ActionError } from "../../../src/taskpane/errors";
import { messages } from "../../../src/taskpane/i18n";
import { fakeWorkbookHost, REPORT } from "./fake-host";
import { AXE_TIMEOUT_MS, axeViolations, openView, panel, renderPane, statusOf } from "./render";

const zh = messages.zh;
const en = messages.en;
const global = globalThis as { Office?: unknown };

afterEach(() => {
  delete global.Office;
});

describe("Results view: the report", () => {
  test(
    "Report calls host.report with the name, says what it did; then offers the .docx",
    async () => {
      const host = fakeWorkbookHost();
      await renderPane(host);
      const view = await openView("results");
      expect(view.queryByRole("button", { name: zh.reportDownload })).toBeNull();
      fireEvent.click(view.getByRole("button", { name: zh.reportButton }));
      await view.findByRole("button", { name: zh.reportDownload });
      expect(host.report).toHaveBeenCalledWith("王组长");
      expect(statusOf("results").textContent).toBe(
        `已添加工作表“报告”：最终得分 ${REPORT.model.finalScore}。`,
      );
      expect(view.queryByText(/starscore report/)).toBeNull();
      expect(await axeViolations(panel("results"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  test("refreshed: the status says so, in English too", async () => {
    const host = fakeWorkbookHost();
    host.report.mockResolvedValue({ ...REPORT, sheet: "Report", refreshed: true });
    await renderPane(host, { initialLang: "en" });
    const view = await openView("results", "en");
    fireEvent.click(view.getByRole("button", { name: en.reportButton }));
    await waitFor(() =>
      expect(statusOf("results").textContent).toBe(
        `Sheet “Report” refreshed: final score ${REPORT.model.finalScore}.`,
      ),
    );
  });

  test(
    "on a Mac (Office.context.platform), no download: the pane says how to get the .docx",
    async () => {
      global.Office = { context: { platform: "Mac" } };
      const host = fakeWorkbookHost();
      await renderPane(host);
      const view = await openView("results");
      fireEvent.click(view.getByRole("button", { name: zh.reportButton }));
      await view.findByText(/starscore report 工作簿\.xlsx -o 报告\.docx/);
      expect(view.getByText(/直接打印“报告”工作表/)).toBeTruthy();
      expect(view.queryByRole("button", { name: zh.reportDownload })).toBeNull();
      expect(await axeViolations(panel("results"))).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  test("refused: the error bar shows the host's message, no download offered", async () => {
    const host = fakeWorkbookHost();
    host.report.mockRejectedValue(
      new ActionError({
        zh: "工作簿中已有名为“报告”的工作表，但它不是 StarScore 的。",
        en: "Not StarScore's.",
      }),
    );
    await renderPane(host);
    const view = await openView("results");
    fireEvent.click(view.getByRole("button", { name: zh.reportButton }));
    await view.findByText("工作簿中已有名为“报告”的工作表，但它不是 StarScore 的。");
    expect(view.getByText(zh.reportFailed)).toBeTruthy();
    expect(view.queryByRole("button", { name: zh.reportDownload })).toBeNull();
  });

  test("the .docx is made from the workbook as it is at the click: host.reportModel, read again each time", async () => {
    const host = fakeWorkbookHost();
    const created: Blob[] = [];
    const url = URL as unknown as Record<string, unknown>;
    // jsdom has no Blob URLs; the pane's own code is what is under test, not the browser's download.
    url.createObjectURL = (blob: Blob) => (created.push(blob), "blob:starscore-test");
    url.revokeObjectURL = () => undefined;
    try {
      await renderPane(host);
      const view = await openView("results");
      fireEvent.click(view.getByRole("button", { name: zh.reportButton }));
      const download = await view.findByRole("button", { name: zh.reportDownload });
      expect(host.reportModel).not.toHaveBeenCalled();
      fireEvent.click(download);
      await waitFor(() => expect(created).toHaveLength(1));
      // One action at a time: the button is aria-disabled until the first download is done.
      await waitFor(() => expect(download.getAttribute("aria-disabled")).not.toBe("true"));
      fireEvent.click(download);
      await waitFor(() => expect(created).toHaveLength(2));
      expect(host.reportModel).toHaveBeenCalledTimes(2);
      expect(created[0]!.type).toBe(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      );
      expect(created[0]!.size).toBeGreaterThan(1000);
    } finally {
      delete url.createObjectURL;
      delete url.revokeObjectURL;
    }
  });

  test("the workbook cannot be read at the download: the error bar says why, nothing is saved", async () => {
    const host = fakeWorkbookHost();
    host.reportModel.mockRejectedValue(
      new ActionError({ zh: "无法生成报告：B3 的录入无法读取。", en: "Cannot make the report: B3." }),
    );
    await renderPane(host);
    const view = await openView("results");
    fireEvent.click(view.getByRole("button", { name: zh.reportButton }));
    fireEvent.click(await view.findByRole("button", { name: zh.reportDownload }));
    await view.findByText("无法生成报告：B3 的录入无法读取。");
    expect(view.getByText(zh.reportDownloadFailed)).toBeTruthy();
  });
});
