/**
 * npm stop: stops the dev server that `npm start` recorded, and on Windows and macOS also runs
 * office-addin-debugging stop to end the sideloading session.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const pidFile = path.join(root, "node_modules", ".cache", "starscore", "dev-server.pid");

function stopRecordedServer() {
  const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8")) : NaN;
  fs.rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, "SIGTERM");
    console.log(`已停止开发服务器 / Stopped the dev server (pid ${pid}).`);
    return true;
  } catch {
    return false; // already gone
  }
}

const stopped = stopRecordedServer();
if (process.platform === "win32" || process.platform === "darwin") {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const args = ["--yes", "office-addin-debugging@7", "stop", "manifest.xml"];
  const result = spawnSync(npx, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  process.exitCode = result.status ?? 1;
} else if (!stopped) {
  console.log(
    "没有记录在案的开发服务器。在运行 npm start 的终端中按 Ctrl+C 即可停止。\n" +
      "No recorded dev server. Press Ctrl+C in the terminal running npm start to stop it.",
  );
}
