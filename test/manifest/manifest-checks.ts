/**
 * The offline checks of an XML manifest, as office-addin-manifest reads it: the repository's
 * manifest.xml (manifest.test.ts), the one a public URL gives (public-url.test.ts) and the one a
 * real production build writes (test/budgets/deploy-build.test.ts). `npm run validate` is
 * Microsoft's online check; these run without a network.
 *
 * The reader runs in a child Node process (see read-manifest.js): its ESM-only dependencies cannot
 * load inside jest.
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import path from "path";
import { MANIFEST_EXCEL_API } from "../../src/taskpane/excel/api-sets";

/** An element as xml2js gives it: attributes under "$", children as arrays, text under "_". */
export interface XmlNode {
  $?: Record<string, string>;
  _?: string;
  [child: string]: XmlNode[] | Record<string, string> | string | undefined;
}

interface ManifestRead {
  info: {
    id: string;
    version: string;
    defaultLocale: string;
    displayName: string;
    description: string;
    providerName: string;
    officeAppType: string;
    hosts: string[];
    permissions: string;
    iconUrl: string;
    highResolutionIconUrl: string;
    supportUrl: string;
    appDomains: string[];
    defaultSettings: { sourceLocation: string };
  };
  xml: { OfficeApp: XmlNode };
}

/** Which manifest to check: its file, the URL every URL in it starts with, where its icons are. */
export interface ManifestUnderTest {
  file: string;
  /** "https://localhost:3000/", "https://addins.example.com/starscore/". */
  base: string;
  /** The folder that `${base}assets/…` is served from: the repository, or the build's output. */
  served: string;
}

const root = path.resolve(__dirname, "../..");

export function readManifest(file: string): ManifestRead {
  return JSON.parse(
    execFileSync(process.execPath, [path.join(__dirname, "read-manifest.js"), file], { encoding: "utf8" }),
  ) as ManifestRead;
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}
export function child(node: XmlNode | undefined, name: string): XmlNode {
  const found = children(node, name)[0];
  if (!found) throw new Error(`<${name}> missing`);
  return found;
}
/** The en-US Override of an element with DefaultValue (or bt:Override inside resources). */
function enUS(node: XmlNode): string | undefined {
  const overrides = [...children(node, "Override"), ...children(node, "bt:Override")];
  return overrides.find((o) => o.$?.Locale === "en-US")?.$?.Value;
}
/** Every element anywhere below node whose name is one of names. */
function descendants(node: XmlNode, names: string[]): XmlNode[] {
  const found: XmlNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      if (typeof item !== "object") continue;
      if (names.includes(key)) found.push(item);
      found.push(...descendants(item, names));
    }
  }
  return found;
}
/** Every absolute URL in the document, as attribute value or text; namespace declarations aside. */
export function urlsIn(node: XmlNode): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(node.$ ?? {})) {
    if (!name.startsWith("xmlns") && /^https?:/i.test(value)) found.push(value);
  }
  if (typeof node._ === "string" && /^\s*https?:/i.test(node._)) found.push(node._.trim());
  for (const [key, value] of Object.entries(node)) {
    if (key === "$" || key === "_" || !Array.isArray(value)) continue;
    // A text-only element comes as a string: <AppDomain>https://…</AppDomain>.
    for (const item of value as (XmlNode | string)[]) {
      if (typeof item === "string") {
        if (/^\s*https?:/i.test(item)) found.push(item.trim());
      } else {
        found.push(...urlsIn(item));
      }
    }
  }
  return found;
}

/** The manifest checks, on the manifest `load` names (called in beforeAll, after any build). */
export function describeManifest(title: string, load: () => ManifestUnderTest): void {
  describe(title, () => {
    let target: ManifestUnderTest;
    let info: ManifestRead["info"];
    let app: XmlNode;
    let resources: XmlNode;
    let base: string;

    beforeAll(() => {
      target = load();
      ({ base } = target);
      const read = readManifest(target.file);
      info = read.info;
      app = read.xml.OfficeApp;
      resources = child(child(app, "VersionOverrides"), "Resources");
    });

    const strings = () => [
      ...children(child(resources, "bt:ShortStrings"), "bt:String"),
      ...children(child(resources, "bt:LongStrings"), "bt:String"),
    ];
    const images = () => children(child(resources, "bt:Images"), "bt:Image");
    const urls = () => children(child(resources, "bt:Urls"), "bt:Url");
    const assetFor = (url: string) => {
      expect(url.startsWith(`${base}assets/`)).toBe(true);
      return path.join(target.served, url.slice(base.length));
    };

    test("identity: fixed GUID, provider, task pane app, zh-CN default", () => {
      expect(info.id).toBe("e1a09cfc-d8c9-400b-9cf6-0de285b19963");
      expect(info.providerName).toBe("StarScore");
      expect(info.officeAppType).toBe("TaskPaneApp");
      expect(info.defaultLocale).toBe("zh-CN");
    });

    test("the manifest's version is package.json's (raise both for a release, docs/deploy.md)", () => {
      const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
      expect(info.version).toBe(`${pkg.version}.0`);
    });

    test("display name and description in zh-CN with en-US overrides", () => {
      expect(info.displayName).toBe("StarScore 售后服务认证评分");
      expect(enUS(child(app, "DisplayName"))).toBe("StarScore After-sales Service Certification Scoring");
      expect(info.description).toMatch(/售后服务认证/);
      expect(enUS(child(app, "Description"))).toMatch(/after-sales service certification/);
    });

    test("Excel only, read/write document, served from its base URL", () => {
      expect(info.hosts).toEqual(["Workbook"]);
      expect(info.permissions).toBe("ReadWriteDocument");
      expect(info.defaultSettings.sourceLocation).toBe(`${base}taskpane.html`);
      expect(info.supportUrl.startsWith(base)).toBe(true);
      expect(info.appDomains).toEqual([new URL(base).origin]);
    });

    test("every URL is under the base URL, over https (the AppDomain is its origin)", () => {
      const all = urlsIn(app);
      expect(all.length).toBeGreaterThanOrEqual(11);
      for (const url of all) {
        expect([url, url.startsWith(base) || url === new URL(base).origin]).toEqual([url, true]);
      }
      expect(base.startsWith("https://")).toBe(true);
    });

    test(`requires ExcelApi ${MANIFEST_EXCEL_API}`, () => {
      const sets = child(child(app, "Requirements"), "Sets");
      expect(sets.$?.DefaultMinVersion).toBe("1.1");
      expect(children(sets, "Set").map((s) => s.$)).toEqual([
        { Name: "ExcelApi", MinVersion: MANIFEST_EXCEL_API },
      ]);
    });

    test("top-level elements are in the order the TaskPaneApp schema requires", () => {
      const order = [
        "Id",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "AppDomains",
        "Hosts",
        "Requirements",
        "DefaultSettings",
        "Permissions",
        "VersionOverrides",
      ];
      expect(Object.keys(app).filter((key) => key !== "$")).toEqual(order);
    });

    test("every icon URL names a PNG that is served", () => {
      const icons = [
        info.iconUrl,
        info.highResolutionIconUrl,
        ...images().map((i) => i.$?.DefaultValue ?? ""),
      ];
      expect(icons).toHaveLength(5);
      for (const url of icons) expect(existsSync(assetFor(url))).toBe(true);
      expect(images().map((i) => i.$?.id)).toEqual(["Icon.16x16", "Icon.32x32", "Icon.80x80"]);
    });

    test("a Home-tab button shows the task pane; the function file is commands.html", () => {
      const host = child(child(child(app, "VersionOverrides"), "Hosts"), "Host");
      expect(host.$?.["xsi:type"]).toBe("Workbook");
      const formFactor = child(host, "DesktopFormFactor");
      const urlOf = (resid: string | undefined) => urls().find((u) => u.$?.id === resid)?.$?.DefaultValue;
      expect(urlOf(child(formFactor, "FunctionFile").$?.resid)).toBe(`${base}commands.html`);
      const tab = child(child(formFactor, "ExtensionPoint"), "OfficeTab");
      expect(tab.$?.id).toBe("TabHome");
      const action = child(child(child(tab, "Group"), "Control"), "Action");
      expect(action.$?.["xsi:type"]).toBe("ShowTaskpane");
      expect(urlOf(child(action, "SourceLocation").$?.resid)).toBe(`${base}taskpane.html`);
    });

    test("every resid is defined, and every label and tooltip has an en-US override", () => {
      const ids = new Set([...strings(), ...images(), ...urls()].map((r) => r.$?.id));
      const used = descendants(child(app, "VersionOverrides"), [
        "Label",
        "Title",
        "Description",
        "bt:Image",
        "SourceLocation",
        "FunctionFile",
        "LearnMoreUrl",
      ])
        .map((n) => n.$?.resid)
        .filter((resid): resid is string => resid !== undefined);
      expect(used.length).toBeGreaterThan(10);
      for (const resid of used) expect(ids).toContain(resid);
      for (const s of strings()) {
        expect(s.$?.DefaultValue).toBeTruthy();
        expect(enUS(s)).toBeTruthy();
      }
    });

    test("resource strings fit Office's limits (short 125, long 250 characters)", () => {
      const texts = (list: XmlNode[]) => list.flatMap((s) => [s.$?.DefaultValue ?? "", enUS(s) ?? ""]);
      for (const text of texts(children(child(resources, "bt:ShortStrings"), "bt:String"))) {
        expect(text.length).toBeLessThanOrEqual(125);
      }
      for (const text of texts(children(child(resources, "bt:LongStrings"), "bt:String"))) {
        expect(text.length).toBeLessThanOrEqual(250);
      }
    });
  });
}
