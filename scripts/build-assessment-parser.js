// Writes src/assessment/compiled-parser.ts from the compiled schema (run after `npm run build:cli`).
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { compiledParserSource } = require("../lib/assessment/compile-parser.js");

writeFileSync(join(__dirname, "../src/assessment/compiled-parser.ts"), compiledParserSource());
