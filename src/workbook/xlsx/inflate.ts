import { inflateRawSync } from "node:zlib";

/**
 * One zip part's DEFLATE data unzipped with its declared size as a hard cap (./package.ts says why):
 * the bytes when they are exactly `size`, "too-large" when the data holds more than it declares
 * (stopped at the lie, not after), undefined when damaged.
 *
 * This is Node's (zlib, synchronous, for the CLI). The task pane's build replaces this module with
 * ./inflate.browser.ts (webpack.config.js), the same contract over the web platform's
 * DecompressionStream, since node:zlib does not exist in a browser.
 */
export async function inflateRaw(
  content: Uint8Array,
  size: number,
): Promise<Uint8Array | "too-large" | undefined> {
  try {
    const out = inflateRawSync(content, { maxOutputLength: Math.max(1, size) });
    return out.length === size ? out : undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? "too-large" : undefined;
  }
}
