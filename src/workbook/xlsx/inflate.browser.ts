/**
 * ./inflate.ts's contract in the browser (the task pane's build puts this module in its place,
 * webpack.config.js): one zip part's DEFLATE data unzipped through the web platform's
 * DecompressionStream("deflate-raw") (Compression Streams, https://compression.spec.whatwg.org/;
 * in Edge WebView2 and Chromium since 103, Safari 16.4), read chunk by chunk and cancelled as soon
 * as it passes the declared size, so a part that lies about its size is stopped at the lie.
 */
export async function inflateRaw(
  content: Uint8Array,
  size: number,
): Promise<Uint8Array | "too-large" | undefined> {
  const stream = new Blob([content as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const out = new Uint8Array(size);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > size) {
        await reader.cancel().catch(() => undefined);
        return "too-large";
      }
      out.set(value, length);
      length += value.length;
    }
  } catch {
    return undefined;
  }
  return length === size ? out : undefined;
}
