import { displayCell, percent, points, shortDateTime } from "../../../src/taskpane/model/format";

describe("how the pane writes things", () => {
  test("cells without the quotes the API needs", () => {
    expect(displayCell("'评分'!H10")).toBe("评分!H10");
    expect(displayCell("'O''Brien'!A1")).toBe("O'Brien!A1");
    expect(displayCell("Scoring!B2")).toBe("Scoring!B2");
  });

  test("audit log times in the reader's local time, short, the same in both languages", () => {
    const iso = "2025-03-14T09:26:53+08:00";
    const local = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, "0");
    expect(shortDateTime(iso)).toBe(
      `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}`,
    );
    expect(shortDateTime(iso)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // Text that is not such a time (a row typed by hand) as it is.
    expect(shortDateTime("昨天")).toBe("昨天");
  });

  test("numbers", () => {
    expect(percent(0.8166)).toBe("81.7 %");
    expect([points(6), points(1.5)]).toEqual(["6", "1.50"]);
  });
});
