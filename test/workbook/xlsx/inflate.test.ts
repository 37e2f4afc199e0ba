import { deflateRawSync } from "node:zlib";
import { inflateRaw as inflateNode } from "../../../src/workbook/xlsx/inflate";
import { inflateRaw as inflateBrowser } from "../../../src/workbook/xlsx/inflate.browser";

/**
 * The CLI's inflate (node:zlib) and the task pane's (DecompressionStream, which Node has too) keep
 * one contract: the declared size exactly, "too-large" at a part that holds more than it declares,
 * undefined for damaged data. The browser build of the reader is read in Chromium in
 * test/e2e/xlsx-reader.e2e.test.ts.
 */
describe.each([
  ["node:zlib", inflateNode],
  ["DecompressionStream", inflateBrowser],
])("inflateRaw over %s", (_name, inflateRaw) => {
  const text = new TextEncoder().encode("<sheetData>".repeat(5000));
  const deflated = deflateRawSync(text);

  it("gives the bytes when they are the declared size", async () => {
    const out = await inflateRaw(deflated, text.length);
    expect(out).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(out as Uint8Array).equals(Buffer.from(text))).toBe(true);
  });

  it("an empty part", async () => {
    const out = await inflateRaw(deflateRawSync(Buffer.alloc(0)), 0);
    expect(out).toBeInstanceOf(Uint8Array);
    expect((out as Uint8Array).length).toBe(0);
  });

  it("stops at a part that holds more than it declares", async () => {
    expect(await inflateRaw(deflateRawSync(Buffer.alloc(8 * 2 ** 20)), 1024)).toBe("too-large");
  });

  it("a part that holds less than it declares is damaged", async () => {
    expect(await inflateRaw(deflated, text.length + 1)).toBeUndefined();
  });

  it("data that is not DEFLATE is damaged", async () => {
    expect(await inflateRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff, 1, 2, 3]), 100)).toBeUndefined();
  });
});
