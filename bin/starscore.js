#!/usr/bin/env node
// The CLI is compiled from src/cli by `npm run build:cli` (run by `npm ci` through "prepare").
const { main } = require("../lib/cli/index.js");
main(process.argv).then((code) => {
  process.exitCode = code;
});
