import { ITEMS } from "../../../src/spec";
import {
  canonicalJson,
  catalogueFingerprint,
  FINGERPRINT_LABEL,
  FINGERPRINT_NAME,
  fingerprintSource,
} from "../../../src/workbook/integrity/fingerprint";
import { sha256 } from "../../../src/workbook/integrity/sha256";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { INFO_ROWS, LAYOUT_VERSION } from "../../../src/workbook/sheets/info";
import { assessmentWith } from "../../helpers/builders";

describe("the catalogue and rules fingerprint", () => {
  it("is SHA-256 of the canonical JSON of the catalogue, rules and layout version", () => {
    const fingerprint = catalogueFingerprint(LAYOUT_VERSION);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint).toBe(sha256(canonicalJson(fingerprintSource(LAYOUT_VERSION))));
    expect(catalogueFingerprint(1)).not.toBe(fingerprint);
  });

  it("changes with any item's points, text or the rules, not with the order properties were written in", () => {
    const source = fingerprintSource(LAYOUT_VERSION) as { items: { points: number; criterion: string }[] };
    const base = canonicalJson(source);
    const reordered = JSON.parse(base, (_, value: unknown) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as unknown;
    expect(canonicalJson(reordered)).toBe(base);
    const points = structuredClone(source);
    points.items[2]!.points = 2;
    const text = structuredClone(source);
    text.items[0]!.criterion += "。";
    const rules = structuredClone(source) as unknown as { rules: { passMark: number } };
    rules.rules.passMark = 60;
    const digests = [base, canonicalJson(points), canonicalJson(text), canonicalJson(rules)].map(sha256);
    expect(new Set(digests).size).toBe(4);
    expect(source.items).toHaveLength(ITEMS.length);
  });

  it("canonical JSON: keys sorted at every level, no whitespace, arrays in order", () => {
    expect(canonicalJson({ b: [2, { d: 1, c: "中" }], a: null, u: undefined })).toBe(
      '{"a":null,"b":[2,{"c":"中","d":1}]}',
    );
    expect(() => canonicalJson({ x: NaN })).toThrow(RangeError);
  });

  it("is recorded on the Info sheet, labelled and named, the same in both languages", () => {
    const assessment = assessmentWith({ evaluators: 2 });
    for (const lang of ["zh", "en"] as const) {
      const layout = buildWorkbookLayout({ lang, assessment });
      const info = layout.sheets.find((s) => s.key === "info")!;
      const cell = (ref: string) => info.cells.find((c) => c.ref === ref);
      expect(cell(`A${INFO_ROWS.fingerprint}`)?.value).toBe(FINGERPRINT_LABEL[lang]);
      expect(cell(`B${INFO_ROWS.fingerprint}`)?.value).toBe(catalogueFingerprint(LAYOUT_VERSION));
      expect(cell(`B${INFO_ROWS.fingerprint}`)?.input).toBeUndefined();
      expect(layout.names.find((n) => n.name === FINGERPRINT_NAME)?.ref).toBe(
        `'${info.name}'!$B$${INFO_ROWS.fingerprint}`,
      );
    }
  });
});
