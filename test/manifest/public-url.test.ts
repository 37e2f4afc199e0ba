import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { DEV_URL, manifestUrls, parsePublicUrl, rewriteManifest } from "../../scripts/public-url";
import { describeManifest } from "./manifest-checks";

/**
 * `npm run build -- --env publicUrl=…` (webpack.config.js → scripts/public-url.js): the manifest an
 * organisation's own host gets. The real build is test/budgets/deploy-build.test.ts.
 */
const root = path.resolve(__dirname, "../..");
const source = readFileSync(path.join(root, "manifest.xml"), "utf8");
const out = mkdtempSync(path.join(tmpdir(), "starscore-manifest-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("the public URL", () => {
  test.each([
    ["https://addins.example.com/starscore/", "https://addins.example.com/starscore/"],
    ["https://addins.example.com/starscore", "https://addins.example.com/starscore/"],
    ["https://ADDINS.example.com:8443/a/b/", "https://addins.example.com:8443/a/b/"],
    ["https://addins.example.com", "https://addins.example.com/"],
  ])("%s → %s", (given, url) => {
    expect(parsePublicUrl(given)).toBe(url);
  });

  test.each([
    ["http://addins.example.com/starscore/", /https/],
    ["addins.example.com/starscore/", /https URL/],
    ["", /https URL/],
    [undefined, /https URL/],
    ["https://addins.example.com/starscore/?v=2", /without query/],
    ["https://addins.example.com/starscore/#x", /without query/],
    ["https://user:pw@addins.example.com/", /credentials/],
  ])("%p is refused, saying what to pass", (given, message) => {
    expect(() => parsePublicUrl(given)).toThrow(message);
  });
});

describe("the manifest for a public URL", () => {
  test("every development URL moves under the public URL; nothing is left on localhost", () => {
    const before = manifestUrls(source);
    expect(before.length).toBeGreaterThanOrEqual(11);
    expect(before.every((u) => u.startsWith(DEV_URL) || u === new URL(DEV_URL).origin)).toBe(true);
    const xml = rewriteManifest(source, "https://addins.example.com/starscore/");
    expect(xml).not.toMatch(/localhost/);
    expect(manifestUrls(xml)).toEqual(
      before.map((u) =>
        u.startsWith(DEV_URL)
          ? `https://addins.example.com/starscore/${u.slice(DEV_URL.length)}`
          : "https://addins.example.com",
      ),
    );
    // Only URLs change: the rest of the file is as written.
    expect(xml.replace(/https:\/\/addins\.example\.com(\/starscore\/)?/g, "")).toBe(
      source.replace(/https:\/\/localhost:3000\/?/g, ""),
    );
  });

  test("a path with characters XML escapes stays well-formed", () => {
    const xml = rewriteManifest(source, "https://addins.example.com/r&d/starscore/");
    expect(xml).toContain(
      'SourceLocation DefaultValue="https://addins.example.com/r&amp;d/starscore/taskpane.html"',
    );
  });

  test("a URL the rewrite cannot move is refused", () => {
    const stray = source.replace(
      '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<SupportUrl DefaultValue="https://support.example.org/starscore"/>',
    );
    expect(() => rewriteManifest(stray, "https://addins.example.com/starscore/")).toThrow(
      /outside https:\/\/addins\.example\.com\/starscore\/.*support\.example\.org/,
    );
  });
});

describe("webpack.config.js copies manifest.xml into dist/", () => {
  interface Pattern {
    from: string;
    transform?: (content: Buffer) => Buffer | string;
  }
  type Config = (env?: Record<string, string>, options?: { mode: string }) => Promise<{ plugins: object[] }>;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const config = require("../../webpack.config.js") as Config;
  const CopyWebpackPlugin = require("copy-webpack-plugin") as new () => object;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const written = async (mode: string, env?: Record<string, string>) => {
    const { plugins } = await config(env, { mode });
    const copy = plugins.find((p) => p instanceof CopyWebpackPlugin) as { patterns: Pattern[] };
    const pattern = copy.patterns.find((p) => p.from === "manifest*.xml");
    return String(pattern?.transform ? pattern.transform(Buffer.from(source)) : source);
  };

  test("without publicUrl, development and production keep https://localhost:3000/", async () => {
    await expect(written("development")).resolves.toBe(source);
    await expect(written("production")).resolves.toBe(source);
  });

  test("with publicUrl, the manifest is rewritten in either mode", async () => {
    const env = { publicUrl: "https://addins.example.com/starscore" };
    const expected = rewriteManifest(source, "https://addins.example.com/starscore/");
    await expect(written("production", env)).resolves.toBe(expected);
    await expect(written("development", env)).resolves.toBe(expected);
  });

  test("a bad publicUrl stops the build before anything is built", async () => {
    await expect(config({ publicUrl: "http://addins.example.com/" }, { mode: "production" })).rejects.toThrow(
      /https/,
    );
  });
});

for (const base of [
  "https://addins.example.com/starscore/",
  "https://intranet.example.cn:8443/office/addins/starscore/",
]) {
  describeManifest(`manifest.xml rewritten for ${base}`, () => {
    const file = path.join(out, `${new URL(base).host.replace(/\W/g, "_")}.xml`);
    writeFileSync(file, rewriteManifest(source, base));
    return { file, base, served: root };
  });
}
