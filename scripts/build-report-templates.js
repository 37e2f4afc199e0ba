/**
 * npm run build:report-templates: writes the built-in report templates, templates/report-zh.docx
 * and templates/report-en.docx, from src/report/builtin-template.ts (compiled by build:cli first).
 * The files are committed, for users to start their own template from; test/report keeps them equal
 * to the code.
 */
const { writeFileSync } = require("fs");
const path = require("path");
const { builtinTemplateParts, builtinTemplateName, packDocx } = require("../lib/report/builtin-template.js");

for (const lang of ["zh", "en"]) {
  const file = path.join(__dirname, "..", "templates", builtinTemplateName(lang));
  writeFileSync(file, packDocx(builtinTemplateParts(lang)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
