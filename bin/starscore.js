#!/usr/bin/env node
// The CLI is compiled from src/cli by `npm run build:cli` (run by `npm ci` through "prepare").
const { main } = require("../dist/node/cli/index.js");
main(process.argv).then((code) => {
  process.exitCode = code;
});
