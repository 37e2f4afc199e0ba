import * as fs from "fs";
import * as path from "path";
import {
  ITEMS,
  PRIMARY_INDICATORS,
  RULES,
  SECONDARY_INDICATORS,
  indicatorById,
  itemByCode,
  itemPlace,
  itemsOfIndicator,
} from "../../src/spec";
import type { Item } from "../../src/spec";

/** The item with this code; fails the test rather than returning undefined. */
function item(code: string): Item {
  const found = itemByCode(code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const range = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe("catalogue structure", () => {
  it("has 50 unique codes in the workbook order B1–B24, C1–C8, A1–A18", () => {
    const codes = ITEMS.map((i) => i.code);
    expect(codes).toEqual([...range("B", 24), ...range("C", 8), ...range("A", 18)]);
    expect(new Set(codes).size).toBe(50);
  });

  it("has 15 secondary indicators in Appendix A order with unique ids", () => {
    expect(SECONDARY_INDICATORS.map((i) => i.id)).toEqual([
      "5.2.1",
      "5.2.2",
      "5.2.3",
      "5.2.4",
      "5.2.5",
      "5.2.6",
      "5.3.1",
      "5.3.2",
      "5.1.1",
      "5.1.2",
      "5.1.3",
      "5.1.4",
      "5.1.5",
      "5.1.6",
      "5.1.7",
    ]);
  });

  it("gives every indicator the Appendix A weight, and its items sum to it", () => {
    const weights: Record<string, number> = {
      "5.2.1": 6,
      "5.2.2": 6,
      "5.2.3": 4,
      "5.2.4": 10,
      "5.2.5": 7,
      "5.2.6": 2,
      "5.3.1": 15,
      "5.3.2": 10,
      "5.1.1": 4,
      "5.1.2": 6,
      "5.1.3": 6,
      "5.1.4": 6,
      "5.1.5": 7,
      "5.1.6": 5,
      "5.1.7": 6,
    };
    for (const indicator of SECONDARY_INDICATORS) {
      expect([indicator.id, indicator.weight]).toEqual([indicator.id, weights[indicator.id]]);
      const points = itemsOfIndicator(indicator.id).map((i) => i.points);
      expect([indicator.id, sum(points)]).toEqual([indicator.id, indicator.weight]);
    }
  });

  it("makes each primary weight the sum of its secondary weights and of its items: 60 + 40 = 100", () => {
    expect(PRIMARY_INDICATORS.map((p) => [p.id, p.name.zh, p.weight])).toEqual([
      ["service", "服务要求", 60],
      ["management", "管理要求", 40],
    ]);
    for (const primary of PRIMARY_INDICATORS) {
      const secondaries = SECONDARY_INDICATORS.filter((s) => s.primary === primary.id);
      expect(sum(secondaries.map((s) => s.weight))).toBe(primary.weight);
      const items = ITEMS.filter((i) => indicatorById(i.indicator)?.primary === primary.id);
      expect(sum(items.map((i) => i.points))).toBe(primary.weight);
    }
    expect(sum(PRIMARY_INDICATORS.map((p) => p.weight))).toBe(RULES.total);
    expect(sum(ITEMS.map((i) => i.points))).toBe(100);
  });

  it("gives B6–B9 1.5 points, and every item a positive whole or half point", () => {
    for (const code of ["B6", "B7", "B8", "B9"]) expect(item(code).points).toBe(1.5);
    for (const i of ITEMS) {
      expect(i.points).toBeGreaterThan(0);
      expect(Number.isInteger(i.points * 2)).toBe(true);
    }
  });

  it("numbers each item's clause under its indicator, consecutively from 1", () => {
    for (const indicator of SECONDARY_INDICATORS) {
      const items = itemsOfIndicator(indicator.id);
      expect(items.length).toBeGreaterThan(0);
      items.forEach((i, n) => {
        expect(i.clause.startsWith(`${indicator.id}.`)).toBe(true);
        expect(i.clause).toBe(`${indicator.id}.${n + 1}`);
      });
    }
    for (const i of ITEMS) expect(indicatorById(i.indicator)).toBeDefined();
  });

  it("files 5.2.x and 5.3.x under service and 5.1.x under management", () => {
    for (const s of SECONDARY_INDICATORS) {
      expect([s.id, s.primary]).toEqual([s.id, s.id.startsWith("5.1.") ? "management" : "service"]);
    }
    // B and C items are service requirements, A items management requirements.
    for (const i of ITEMS) {
      const primary = indicatorById(i.indicator)?.primary;
      expect([i.code, primary]).toEqual([i.code, i.code.startsWith("A") ? "management" : "service"]);
    }
  });

  it("lets only 5.2.1–5.2.6 (spec 4.1–4.6, items B1–B24) be excluded", () => {
    const excludable = SECONDARY_INDICATORS.filter((s) => s.excludable).map((s) => s.id);
    expect(excludable).toEqual(["5.2.1", "5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.2.6"]);
    expect(SECONDARY_INDICATORS.filter((s) => s.excludable).map((s) => s.specClause)).toEqual([
      "4.1",
      "4.2",
      "4.3",
      "4.4",
      "4.5",
      "4.6",
    ]);
    const excludableItems = ITEMS.filter((i) => indicatorById(i.indicator)?.excludable).map((i) => i.code);
    expect(excludableItems).toEqual(range("B", 24));
  });

  it("uses Appendix A's names, with 废弃商品回收 rather than the erratum 废气", () => {
    expect(SECONDARY_INDICATORS.map((s) => s.name.zh)).toEqual([
      "商品信息",
      "技术支持",
      "配送",
      "维修",
      "质量保证",
      "废弃商品回收",
      "顾客关系",
      "投诉处理",
      "组织架构",
      "人员配置",
      "资源配置",
      "规范要求",
      "监督",
      "改进",
      "服务文化",
    ]);
    for (const s of SECONDARY_INDICATORS) expect(s.name.en).not.toBe("");
  });

  it("keeps text tidy: no markup, no stray whitespace, short titles", () => {
    for (const i of ITEMS) {
      for (const text of [i.content, i.criterion]) expect(text).not.toMatch(/<|>/);
      // Only A6 and A7 keep a space, after their a)/b)/c) markers.
      expect(i.content.replace(/[abc]\) /g, "")).not.toMatch(/\s/);
      for (const p of i.criterion.split("\n")) {
        expect(p).not.toBe("");
        expect(p).toBe(p.trim());
        expect(p).not.toMatch(/\s{2}|\t/);
      }
      expect(i.title.zh.length).toBeGreaterThan(1);
      expect(i.title.zh.length).toBeLessThanOrEqual(8);
      expect(i.title.en.split(" ").length).toBeLessThanOrEqual(5);
    }
  });

  it("looks items and indicators up", () => {
    expect(itemByCode("C4")?.clause).toBe("5.3.1.4");
    expect(itemByCode("D1")).toBeUndefined();
    expect(itemByCode("b1")).toBeUndefined();
    ITEMS.forEach((item, place) => expect(itemPlace(item.code)).toBe(place));
    expect(itemPlace("D1")).toBeUndefined();
    expect(indicatorById("5.1.5")?.name.zh).toBe("监督");
    expect(indicatorById("5.4.1")).toBeUndefined();
    expect(itemsOfIndicator("5.2.2").map((i) => i.code)).toEqual(["B6", "B7", "B8", "B9"]);
    expect(itemsOfIndicator("5.1.3").map((i) => i.code)).toEqual(["A5", "A6", "A7"]);
    expect(itemsOfIndicator("nope")).toEqual([]);
  });
});

/**
 * Literals copied from Appendix B of CTS-DNISC0301-2025.txt by hand, independently of items.ts,
 * with only the PDF's wrap spaces and HTML tags removed.
 */
describe("items word for word against the specification", () => {
  const cases: { code: string; clause: string; points: number; content: string; criterion: string[] }[] = [
    {
      code: "B1",
      clause: "5.2.1.1",
      points: 1,
      content: "商品包装有完整、准确的企业和商品有关信息,便于顾客识别和了解",
      criterion: [
        "组织应在商品包装上明示品牌、LOGO等有关信息,包括地址、通讯方式、产品名称、产地、出厂日期、颜色、重量、使用的标准、安全运输和放置的说明等。",
        "相关的信息应准确,容易识别,避免误导顾客的情况发生。",
      ],
    },
    {
      code: "B3",
      clause: "5.2.1.3",
      points: 1,
      content: "向顾客明示商品的保修期限、维修收费、主要部件和易损配件等信息",
      criterion: [
        "注意:保修期≠包修期。",
        "主要部件的类别、易损配件的类别、保修时限,使顾客获知维修费用的渠道(如通过热线电话、价目表等询价)均应明示。",
      ],
    },
    {
      code: "B6",
      clause: "5.2.2.1",
      points: 1.5,
      content: "根据商品的特点，在售出后提供及时、必要的安装和调试服务",
      criterion: ["本指标评价的是安装调试服务的及时性和有效性。"],
    },
    {
      code: "B11",
      clause: "5.2.3.2",
      points: 3,
      content: "对顾客所承诺的送货范围、送货时间及时兑现",
      criterion: [
        "本指标评价的是送货的范围和时间，根据商品特性不同，有的组织是通过正式合同与顾客进行配送约定，而快速消费品、家电等商品，一般是简单的承诺约定。",
      ],
    },
    {
      // Its last words fell onto the next page of the PDF.
      code: "B19",
      clause: "5.2.5.2",
      points: 1,
      content: "对顾客明示的质保期和保修期应符合国家相关规定的要求",
      criterion: ["国家没有相关规定要求的商品，组织应自行制定相关期限，采用行业标准或地方规定。"],
    },
    {
      code: "B20",
      clause: "5.2.5.3",
      points: 2,
      content:
        "对于有质量问题的商品,应按国家有关规定办理退换。如退换(非企业商品质量或服务问题造成的)涉及到收费的,应事先向顾客明示",
      criterion: [
        "本条款有两方面的内容:",
        "(1) 有质量问题的商品应按国家规定退换。国家尚未制定相关规定的,组织应设立在一定期限内退换的有效措施。",
        "(2) 如因顾客原因造成的退换,可能涉及到折价、收费等情况,组织应在商品销售时事先明示以避免争议。",
      ],
    },
    {
      code: "C4",
      clause: "5.3.1.4",
      points: 5,
      content:
        "定期进行顾客满意度调查（包括售后服务满意度调查），及时掌握顾客意见。顾客满意度调查可按照SB/T10409执行",
      criterion: [
        "本条款有三方面内容：",
        "（1）组织应定期计划，进行顾客满意度调查，能根据顾客意见进行分析和改进。",
        "（2）及时进行售后服务满意度调查，如维修或安装派工实施后的回访。",
        "（3）组织可委托第三方机构、行业协会进行调查，获得较高的满意度测评结果",
      ],
    },
    {
      code: "C7",
      clause: "5.3.2.2",
      points: 7,
      content: "及时反馈和处理顾客投诉，有效解决顾客投诉",
      criterion: [
        "本条款有两方面内容：",
        "（1）组织应对顾客投诉的信息进行内部反馈，并在一定的时限内有专门的解决人员与顾客联络，并及时形成处理方案。",
        "（2）顾客发生的投诉应有效得到解决。",
      ],
    },
    {
      code: "A2",
      clause: "5.1.1.2",
      points: 3,
      content: "根据需要,服务网点覆盖商品销售区域,能够对服务网点进行有效管理",
      criterion: [
        "1、应注意,本条款描述的是“服务网点”。",
        // A sentence cut by a page break, joined back.
        "注意:本条款评价的是服务组织架构的建设,和对网点的管理措施。如配件供应、维修等的评价分值在 5.2 商品服务中体现。",
        "3) 其他：加盟、与当地经销商合资等。",
      ],
    },
    {
      code: "A4",
      clause: "5.1.2.2",
      points: 5,
      content: "按服务管理人员总数的10%配置售后服务管理师，负责对售后服务工作的管理和对售后服务活动的指导",
      criterion: [
        "服务管理人员有两个层面，一是在组织总部，在服务有关部门、服务有关环节和岗位的负责人，包括基层管理人员和中、高层管理人员，二是在下属分公司、服务网点的管理人员。",
        "参见 5.1.1.1 的说明相关的部门职责。",
        "组织应配置充足的售后服务管理师。",
      ],
    },
    {
      // The PDF split the content: "5.1.3.2 售后" in its column, the rest in the criterion column.
      code: "A6",
      clause: "5.1.3.2",
      points: 2,
      content:
        "售后服务组织应提供内部保障，具体包括：a) 长期保持服务专业技术培训和业务人员的业务技能培训，使其有良好的素质和能力；b) 定期或不定期的服务文化的培训；c) 有效的评优、奖励、晋升和员工关怀机制。",
      criterion: [
        "a) 培训的内容应包括专业技术方面，以及营销、顾客沟通方面，人员素质方面等；组织应有年度或定期的培训计划，并对培训结果进行考核，确保服务人员的能力和素质满足要求。",
        "b) 本条专门提出了对服务文化方面的要求。服务文化培训指组织在内部对服务理念的宣传，对企业文化中有关服务的价值观的宣传，商品或服务的优势、特性的自我宣传，以及商品或服务所传递给顾客的文化氛围和文化优势、感觉优势相关的内容。（有关服务文化见 5.1.7.3）",
        "c) 组织应对服务人员进行评优，包括技术等级、能力等方面的评价，并对服务能力优异者采取奖励政策和职务晋升。员工关怀包括物质奖励、荣誉褒奖、组织活动等形式。",
      ],
    },
    {
      // Split like A6.
      code: "A7",
      clause: "5.1.3.3",
      points: 2,
      content:
        "售后服务组织应提供基础设施，具体包括：a) 办公场所和服务场所；b) 售后服务设施，例如顾客信息系统、安全保障措施等；c) 售后服务活动中涉及的工具、备品备件等。",
      criterion: [
        "a) 组织应设立必要的场所完成服务。该场所应根据商品或服务的特性来设立，包括展厅、柜台、维修间、仓库等，以及管理活动所需要的办公场地。",
        "b) 应具备服务活动中需要的设施；需要注意的是安全保障措施，评价时应注意涉及安全相关的标识、设备等。",
        "c) 服务活动涉及的工具和备品备件应按组织商品和服务的特性进行识别，评价应注意其是否充足、满足必要条件。",
      ],
    },
    {
      code: "A11",
      clause: "5.1.5.2",
      points: 6,
      content: "以监督有效奖惩,持续修正各项服务目标,并通过内部和外部的监督评价活动促进服务品质提升",
      criterion: [
        "本条评价指标有四个方面的内容。",
        "某企业对呼叫中心下达的目标:投诉回访率 100%,派单回访率 80%。",
        "*注：以上内容是对组织服务体系运行内部管理的监督要求。",
        "4、外部的监督评价活动：组织外部的，如从消费者组织、行业协会依据商品售后服务评价体系标准开展的评价活动中得到了较好的结论。",
      ],
    },
    {
      code: "A18",
      clause: "5.1.7.3",
      points: 3,
      content: "以多种方式向社会公众做服务文化和活动的宣传，形成有效的顾客认知和口碑",
      criterion: [
        "传递组织自身/商品/服务的文化的目的是为了使顾客得到良好感知甚至于满意。",
        // A sentence cut by a page break, joined back.
        "典型的文化服务商品，有国外的路易威登、香奈儿等服装品牌，以及国内的茅台、五粮液等酒类品牌。它们的服务大部分以文化方式来表现。",
      ],
    },
  ];

  it.each(cases)("$code", ({ code, clause, points, content, criterion }) => {
    const i = item(code);
    expect(i.clause).toBe(clause);
    expect(i.points).toBe(points);
    expect(i.content).toBe(content);
    const paragraphs = i.criterion.split("\n");
    for (const p of criterion) expect(paragraphs).toContain(p);
  });

  it("A6 and A7 have all of the criterion's three paragraphs and nothing of the content", () => {
    for (const code of ["A6", "A7"]) {
      const paragraphs = item(code).criterion.split("\n");
      expect(paragraphs.map((p) => p.slice(0, 2))).toEqual(["a)", "b)", "c)"]);
      expect(item(code).criterion).not.toContain("服务组织应提供");
    }
  });
});

/**
 * The whole catalogue against the specification file. Both sides are compared after removing
 * whitespace and HTML tags, the only things the PDF conversion added; punctuation is compared as is
 * (items.ts keeps the spec's characters, ASCII or full-width).
 */
describe("catalogue against CTS-DNISC0301-2025.txt", () => {
  // The spec lives beside the repository, at ../shared/spec from the repo root.
  const specPath = path.resolve(__dirname, "../../../shared/spec/CTS-DNISC0301-2025.txt");
  const normalise = (s: string): string => s.replace(/<[^>]+>/g, "").replace(/\s+/g, "");
  const spec = normalise(fs.readFileSync(specPath, "utf8"));

  /**
   * An item's Appendix B row as it reads in the normalised spec: clause, content, points, code,
   * criterion. Three rows are not in that order in the PDF and are spelled out here.
   */
  function specRow(i: Item): string {
    const criterion = normalise(i.criterion);
    const content = normalise(i.content);
    switch (i.code) {
      case "B19": {
        // The content's last words fell onto the next page, after the criterion.
        const tail = "国家相关规定的要求";
        expect(content.endsWith(tail)).toBe(true);
        return `${i.clause}${content.slice(0, -tail.length)}${i.points}${i.code}${criterion}${tail}`;
      }
      case "A6":
      case "A7": {
        // "售后" stayed in the content column; the rest of the content went to the next column.
        const head = "售后";
        expect(content.startsWith(head)).toBe(true);
        return `${i.clause}${head}${i.points}${i.code}${content.slice(head.length)}${criterion}`;
      }
      default:
        return `${i.clause}${content}${i.points}${i.code}${criterion}`;
    }
  }

  it("contains every item's content and every criterion paragraph", () => {
    for (const i of ITEMS) {
      if (i.code === "B19") {
        // Split by a page break (see specRow): each half is in the text.
        expect(spec).toContain("对顾客明示的质保期和保修期应符合");
        expect(spec).toContain("国家相关规定的要求");
      } else if (i.code === "A6" || i.code === "A7") {
        // Split across two columns (see specRow): the part after 售后 is in the text.
        expect(spec).toContain(`${i.clause}售后`);
        expect(spec).toContain(normalise(i.content).slice("售后".length));
      } else {
        expect(spec).toContain(normalise(i.content));
      }
      for (const p of i.criterion.split("\n")) expect(spec).toContain(normalise(p));
    }
  });

  it("reads Appendix B row by row, with nothing left out between the rows", () => {
    const header = "附录B(规范性附录)商品售后服务评价准则板块标题检查内容分值维度评价准则";
    let cursor = spec.indexOf(header);
    expect(cursor).toBeGreaterThanOrEqual(0);
    cursor += header.length;
    const heading = /([\u4e00-\u9fff]+)[(（](\d+)分[)）]/g;
    for (const i of ITEMS) {
      const row = specRow(i);
      const at = spec.indexOf(row, cursor);
      expect([i.code, at >= 0]).toEqual([i.code, true]);
      // Between two rows there may only be the table's headings, e.g. 技术支持(6分), and a
      // secondary heading exactly before the first item of its indicator, naming it with its weight.
      const gap = spec.slice(cursor, at);
      expect([i.code, gap.replace(heading, "")]).toEqual([i.code, ""]);
      const headings = [...gap.matchAll(heading)];
      const indicator = indicatorById(i.indicator);
      const first = itemsOfIndicator(i.indicator)[0] === i;
      const last = headings[headings.length - 1];
      if (first) {
        expect([i.code, last?.[1], Number(last?.[2])]).toEqual([
          i.code,
          indicator?.name.zh,
          indicator?.weight,
        ]);
        // The first item of a primary indicator also follows the primary heading (服务要求 (60分),
        // 服务管理（40分）: Appendix B's name for Appendix A's 管理要求), checked here by weight.
        const primary = PRIMARY_INDICATORS.find((p) => p.id === indicator?.primary);
        if (headings.length === 2) expect(Number(headings[0]?.[2])).toBe(primary?.weight);
        else expect([i.code, headings.length]).toEqual([i.code, 1]);
      } else {
        expect([i.code, headings.length]).toEqual([i.code, 0]);
      }
      cursor = at + row.length;
    }
    // After A18 the table goes on with the special items, which are not scored items.
    expect(spec.slice(cursor).startsWith("特别项")).toBe(true);
  });

  it("agrees with Appendix A's table and the clauses of chapters 4 and 5", () => {
    for (const p of PRIMARY_INDICATORS) {
      expect(spec).toContain(`${p.name.zh}${p.weight}`);
    }
    for (const s of SECONDARY_INDICATORS) {
      expect(spec).toContain(`${s.id}${s.name.zh}${s.weight}`);
      // e.g. "4.1商品信息组织应满足GB/T27922-2011的5.2.1的要求"
      const applies = new RegExp(
        `${s.specClause.replace(".", "\\.")}[\\u4e00-\\u9fff]+组织应满足GB/T27922-2011的${s.id.replace(/\./g, "\\.")}的要求`,
      );
      expect(spec).toMatch(applies);
    }
  });
});
