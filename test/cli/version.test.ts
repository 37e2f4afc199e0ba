import { readFileSync } from "node:fs";
import path from "node:path";
import { VERSION } from "../../src/version";

test("the version recorded in workbooks is package.json's", () => {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8"));
  expect(VERSION).toBe(pkg.version);
});
