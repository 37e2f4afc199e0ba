import { lazyHost } from "../../../src/taskpane/components/lazy-host";
import { REPORT, REVIEW, VALIDATION, fakeHost } from "./fake-host";

describe("lazyHost", () => {
  test("starts loading at once and forwards every call, with its arguments, to the loaded host", async () => {
    const real = fakeHost();
    const load = jest.fn().mockResolvedValue(real);
    const host = lazyHost(load);
    expect(load).toHaveBeenCalledTimes(1);
    await expect(host.validate()).resolves.toBe(VALIDATION);
    await host.setEntry("'评分'!H7", 90, "王组长");
    await host.setNote("'评分'!N7", "现场查看", "王组长");
    await host.reopen("王组长", "补充材料");
    await expect(host.reviewReport()).resolves.toBe(REVIEW);
    await expect(host.reportModel()).resolves.toBe(REPORT.model);
    const file = { name: "李四.xlsx", data: new Uint8Array([1]) };
    await host.merge([file], { person: "王组长" });
    expect(real.merge).toHaveBeenCalledWith([file], { person: "王组长" });
    await host.selectCell("'评分'!H8");
    await host.addEvaluator({ name: "李四", kind: "auditor" });
    const off = await host.onChanged(() => undefined);
    expect(typeof off).toBe("function");
    expect(real.setEntry).toHaveBeenCalledWith("'评分'!H7", 90, "王组长");
    expect(real.setNote).toHaveBeenCalledWith("'评分'!N7", "现场查看", "王组长");
    expect(real.reopen).toHaveBeenCalledWith("王组长", "补充材料");
    expect(real.selectCell).toHaveBeenCalledWith("'评分'!H8");
    expect(real.addEvaluator).toHaveBeenCalledWith({ name: "李四", kind: "auditor" }, undefined);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test("a failed load rejects the waiting calls and the next call loads again", async () => {
    const real = fakeHost({ hasWorkbook: jest.fn().mockResolvedValue(true) });
    const load = jest.fn().mockRejectedValueOnce(new Error("ChunkLoadError")).mockResolvedValue(real);
    const host = lazyHost(load);
    await expect(host.hasWorkbook()).rejects.toThrow("ChunkLoadError");
    await expect(host.hasWorkbook()).resolves.toBe(true);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
