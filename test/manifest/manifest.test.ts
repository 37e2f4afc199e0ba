/**
 * manifest.xml as office-addin-manifest reads it. The reader runs in a child Node process (see
 * read-manifest.js): its ESM-only dependencies cannot load inside jest, which maps the package's bare
 * name to test/stubs/office-addin-manifest.js for office-addin-mock.
 */
import { execFileSync } from "child_process";
import { existsSync } from "fs";
import path from "path";

/** An element as xml2js gives it: attributes under "$", children as arrays, text under "_". */
interface XmlNode {
  $?: Record<string, string>;
  _?: string;
  [child: string]: XmlNode[] | Record<string, string> | string | undefined;
}

interface ManifestRead {
  info: {
    id: string;
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

const root = path.resolve(__dirname, "../..");
const BASE = "https://localhost:3000/";

const { info, xml } = JSON.parse(
  execFileSync(
    process.execPath,
    [path.join(__dirname, "read-manifest.js"), path.join(root, "manifest.xml")],
    {
      encoding: "utf8",
    },
  ),
) as ManifestRead;
const app = xml.OfficeApp;

function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}
function child(node: XmlNode | undefined, name: string): XmlNode {
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
function assetFor(url: string): string {
  expect(url.startsWith(`${BASE}assets/`)).toBe(true);
  return path.join(root, url.slice(BASE.length));
}

const resources = child(child(app, "VersionOverrides"), "Resources");
const strings = [
  ...children(child(resources, "bt:ShortStrings"), "bt:String"),
  ...children(child(resources, "bt:LongStrings"), "bt:String"),
];
const images = children(child(resources, "bt:Images"), "bt:Image");
const urls = children(child(resources, "bt:Urls"), "bt:Url");

describe("manifest.xml", () => {
  test("identity: fixed GUID, provider, task pane app, zh-CN default", () => {
    expect(info.id).toBe("e1a09cfc-d8c9-400b-9cf6-0de285b19963");
    expect(info.providerName).toBe("StarScore");
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.defaultLocale).toBe("zh-CN");
  });

  test("display name and description in zh-CN with en-US overrides", () => {
    expect(info.displayName).toBe("StarScore 售后服务认证评分");
    expect(enUS(child(app, "DisplayName"))).toBe("StarScore After-sales Service Certification Scoring");
    expect(info.description).toMatch(/售后服务认证/);
    expect(enUS(child(app, "Description"))).toMatch(/after-sales service certification/);
  });

  test("Excel only, read/write document, served from https://localhost:3000/", () => {
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultSettings.sourceLocation).toBe(`${BASE}taskpane.html`);
    expect(info.supportUrl.startsWith(BASE)).toBe(true);
    expect(info.appDomains).toEqual(["https://localhost:3000"]);
  });

  test("requires ExcelApi 1.8", () => {
    const sets = child(child(app, "Requirements"), "Sets");
    expect(sets.$?.DefaultMinVersion).toBe("1.1");
    expect(children(sets, "Set").map((s) => s.$)).toEqual([{ Name: "ExcelApi", MinVersion: "1.8" }]);
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

  test("every icon URL names a PNG in assets/", () => {
    const icons = [info.iconUrl, info.highResolutionIconUrl, ...images.map((i) => i.$?.DefaultValue ?? "")];
    expect(icons).toHaveLength(5);
    for (const url of icons) expect(existsSync(assetFor(url))).toBe(true);
    expect(images.map((i) => i.$?.id)).toEqual(["Icon.16x16", "Icon.32x32", "Icon.80x80"]);
  });

  test("a Home-tab button shows the task pane; the function file is commands.html", () => {
    const host = child(child(child(app, "VersionOverrides"), "Hosts"), "Host");
    expect(host.$?.["xsi:type"]).toBe("Workbook");
    const formFactor = child(host, "DesktopFormFactor");
    const urlOf = (resid: string | undefined) => urls.find((u) => u.$?.id === resid)?.$?.DefaultValue;
    expect(urlOf(child(formFactor, "FunctionFile").$?.resid)).toBe(`${BASE}commands.html`);
    const tab = child(child(formFactor, "ExtensionPoint"), "OfficeTab");
    expect(tab.$?.id).toBe("TabHome");
    const action = child(child(child(tab, "Group"), "Control"), "Action");
    expect(action.$?.["xsi:type"]).toBe("ShowTaskpane");
    expect(urlOf(child(action, "SourceLocation").$?.resid)).toBe(`${BASE}taskpane.html`);
  });

  test("every resid is defined, and every label and tooltip has an en-US override", () => {
    const ids = new Set([...strings, ...images, ...urls].map((r) => r.$?.id));
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
    for (const s of strings) {
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
