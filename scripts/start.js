/**
 * npm start: on Windows and macOS, sideload manifest.xml into desktop Excel with office-addin-debugging
 * (fetched by npx, not a dependency). Elsewhere, or when that fails, or with `npm start -- --web`, serve
 * the add-in with webpack-dev-server and explain how to upload manifest.xml to Excel on the web.
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const pidFile = path.join(root, "node_modules", ".cache", "starscore", "dev-server.pid");
const desktop = process.platform === "win32" || process.platform === "darwin";

function sideload() {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const args = ["--yes", "office-addin-debugging@7", "start", "manifest.xml"];
  const result = spawnSync(npx, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  return result.status === 0;
}

const HELP = `
StarScore 开发服务器 / dev server: https://localhost:3000/
在 Excel 网页版中加载 / To load it in Excel on the web:
  1. 在浏览器中打开一次 https://localhost:3000/taskpane.html 并接受（信任）证书。
     Open https://localhost:3000/taskpane.html once in the browser and accept the certificate.
  2. 在 Excel 网页版中：开始 → 加载项 → 更多设置 → 上传我的加载项 → 选择 manifest.xml。
     In Excel on the web: Home → Add-ins → More Settings → Upload My Add-in → choose manifest.xml.
  停止 / Stop: Ctrl+C (or npm stop)
`;

function serve() {
  console.log(HELP);
  const cli = require.resolve("webpack-cli/bin/cli.js");
  const child = spawn(process.execPath, [cli, "serve", "--mode", "development"], {
    cwd: root,
    stdio: "inherit",
  });
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.writeFileSync(pidFile, String(child.pid));
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => {
    fs.rmSync(pidFile, { force: true });
    process.exit(code ?? (signal ? 0 : 1));
  });
}

if (desktop && !process.argv.includes("--web") && sideload()) {
  console.log("StarScore 已旁加载到 Excel / sideloaded into Excel. 停止 / Stop: npm stop");
} else {
  if (desktop && !process.argv.includes("--web")) {
    console.warn("旁加载失败，改为启动开发服务器 / Sideloading failed; starting the dev server instead.");
  }
  serve();
}
