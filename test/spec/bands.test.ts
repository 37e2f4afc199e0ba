import * as fs from "fs";
import * as path from "path";
import { BANDS, RULES, bandOf } from "../../src/spec";

describe("Appendix C bands", () => {
  it("are five contiguous bands of 20 points from 0 to 100, levels 1 to 5", () => {
    expect(BANDS.map((b) => [b.level, b.from, b.to])).toEqual([
      [1, 0, 20],
      [2, 20, 40],
      [3, 40, 60],
      [4, 60, 80],
      [5, 80, 100],
    ]);
    expect(BANDS[0]?.from).toBe(RULES.minPercent);
    expect(BANDS[BANDS.length - 1]?.to).toBe(RULES.maxPercent);
  });

  it("each have three descriptor sentences in both languages", () => {
    for (const band of BANDS) {
      expect(band.descriptors.zh).toHaveLength(3);
      expect(band.descriptors.en).toHaveLength(3);
      for (const s of [...band.descriptors.zh, ...band.descriptors.en]) expect(s).toBe(s.trim());
      // Closing punctuation as in the text: ；；。 in Chinese, ;;. in English.
      expect(band.descriptors.zh.map((s) => s.slice(-1))).toEqual(["；", "；", "。"]);
      expect(band.descriptors.en.map((s) => s.slice(-1))).toEqual([";", ";", "."]);
    }
  });

  it("quote Appendix C word for word", () => {
    // The spec lives beside the repository, at ../shared/spec from the repo root.
    const specPath = path.resolve(__dirname, "../../../shared/spec/CTS-DNISC0301-2025.txt");
    const normalise = (s: string): string => s.replace(/<[^>]+>/g, "").replace(/\s+/g, "");
    const spec = normalise(fs.readFileSync(specPath, "utf8"));
    // Each band's range followed by its three sentences, e.g. "0%~20%在该指标要求中水平很差，…".
    for (const band of BANDS) {
      expect(spec).toContain(`${band.from}%~${band.to}%${band.descriptors.zh.join("")}`);
    }
  });
});

describe("bandOf", () => {
  it.each([
    [0, 1],
    [19, 1],
    [19.99, 1],
    [20, 2],
    [39.99, 2],
    [40, 3],
    [59.99, 3],
    [60, 4],
    [79.99, 4],
    [80, 5],
    [99, 5],
    [100, 5],
  ])("puts %p%% in band %p", (percent, level) => {
    expect(bandOf(percent).level).toBe(level);
  });

  it("puts every whole percentage in the band whose half-open range holds it", () => {
    for (let p = 0; p <= 100; p++) {
      const band = bandOf(p);
      expect(p >= band.from && (p < band.to || p === 100)).toBe(true);
    }
  });

  it("returns the catalogue's own band objects", () => {
    expect(bandOf(50)).toBe(BANDS[2]);
  });

  it.each([-1, -0.01, 100.01, 101, NaN, Infinity, -Infinity])("rejects %p with a RangeError", (percent) => {
    expect(() => bandOf(percent)).toThrow(RangeError);
  });
});
