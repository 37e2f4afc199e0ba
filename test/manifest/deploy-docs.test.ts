import { readFileSync } from "fs";
import path from "path";
import { MANIFEST_EXCEL_API } from "../../src/taskpane/excel/api-sets";
import { messages } from "../../src/taskpane/i18n";

/** README and docs/deploy.md say the same, in both languages, as the build and the pane do. */
const root = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const halves = (text: string) => {
  const at = text.search(/^#+ English$/m);
  expect(at).toBeGreaterThan(0);
  return { zh: text.slice(0, at), en: text.slice(at) };
};
const readme = halves(read("README.md"));
const deploy = halves(read("docs/deploy.md"));
const BUILD = "npm run build -- --env publicUrl=https://addins.example.com/starscore/";

test("the README's two set-up commands, and the link to docs/deploy.md, in both languages", () => {
  for (const half of [readme.zh, readme.en]) {
    expect(half).toContain("npm ci && npm start");
    expect(half).toContain("bash scripts/install-system-deps.sh && npm ci && npm test");
    expect(half).toContain("](docs/deploy.md");
    expect(half).toContain(BUILD);
  }
});

test("npm passes `-- --env publicUrl=…` on to webpack: the build script is webpack alone", () => {
  const { scripts } = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
  // npm appends the extra arguments to the end of the script: after an `&&` they would miss webpack.
  expect(scripts.build).toMatch(/^webpack --mode production$/);
  expect(scripts.postbuild).toBe("npm run build:cli");
});

test("docs/deploy.md covers the four ways, each with the Microsoft page it follows, in both languages", () => {
  const ways = {
    zh: ["集成应用", "SharePoint 应用目录", "网络共享", "上传我的加载项"],
    en: ["Integrated apps", "SharePoint app catalog", "network-share", "Upload My Add-in"],
  };
  for (const lang of ["zh", "en"] as const) {
    const text = deploy[lang];
    expect(text).toContain(BUILD);
    const sections = text.split(/^#{3,4} \d\. /m).slice(1);
    expect(sections).toHaveLength(4);
    sections.forEach((section, i) => {
      expect(section).toContain(ways[lang][i]);
      expect(section).toMatch(/\]\(https:\/\/learn\.microsoft\.com\/[^)]+\)/);
    });
    for (const topic of ["Cache-Control", "max-age", "<Version>", "https"]) expect(text).toContain(topic);
  }
});

test("the README, docs/deploy.md and the pane's notice name the same Excel versions", () => {
  const texts = [
    readme.zh,
    readme.en,
    deploy.zh,
    deploy.en,
    messages.zh.unsupportedBody,
    messages.en.unsupportedBody,
  ];
  for (const text of texts) {
    expect(text).toContain(`${MANIFEST_EXCEL_API}`);
    for (const fact of ["1808", "16.17", "2021", "2016", "2019"])
      expect([fact, text.includes(fact)]).toEqual([fact, true]);
  }
});
