// Preloaded (node -r) into each benchmarked CLI run: records the process's peak resident memory (KiB).
process.on("exit", () => {
  require("fs").writeFileSync(process.env.STARSCORE_RSS_FILE, String(process.resourceUsage().maxRSS));
});
