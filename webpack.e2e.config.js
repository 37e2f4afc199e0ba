/**
 * Builds the task pane for the end-to-end tests into dist-e2e/: the production build of
 * webpack.config.js (same loaders, chunks and minification), except that the page first runs the
 * fake Office host (test/e2e/host/fake-office.ts) and then the real entry, src/taskpane/index.tsx,
 * and that it does not load office.js from Microsoft's CDN. Used by test/e2e/pane.e2e.test.ts.
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const baseConfig = require("./webpack.config.js");

const OFFICE_JS =
  /\s*<!--(?:(?!-->)[\s\S])*Office JavaScript API[\s\S]*?-->|\s*<script[^>]*appsforoffice\.microsoft\.com[^>]*><\/script>/g;

/** taskpane.html without the CDN script (and its comment): everything else as the add-in serves it. */
function e2eTemplate() {
  const html = fs.readFileSync(path.resolve(__dirname, "src/taskpane/taskpane.html"), "utf8");
  const stripped = html.replace(OFFICE_JS, "");
  if (/<script/i.test(stripped)) throw new Error("webpack.e2e.config.js: taskpane.html has a script left");
  return stripped;
}

module.exports = async (env = {}, options = {}) => {
  const base = await baseConfig(env, { ...options, mode: "production" });
  return {
    ...base,
    entry: {
      // An array entry runs its modules in order: the fake host is in place before the pane starts.
      taskpane: ["./test/e2e/host/fake-office.ts", "./src/taskpane/index.tsx"],
      // The .xlsx reader alone, as the pane's views load it (test/e2e/xlsx-reader.e2e.test.ts).
      "xlsx-reader": "./test/e2e/host/xlsx-reader-page.ts",
    },
    output: {
      ...base.output,
      path: path.resolve(__dirname, "dist-e2e"),
      clean: true,
    },
    // The test suite's builds: the production build's output, made quicker the second time.
    cache: {
      type: "filesystem",
      cacheDirectory: path.resolve(__dirname, "node_modules/.cache/webpack-e2e"),
      buildDependencies: {
        config: [path.join(__dirname, "webpack.e2e.config.js"), require.resolve("./webpack.config.js")],
      },
    },
    performance: false,
    plugins: [
      ...base.plugins.filter((p) => !(p instanceof HtmlWebpackPlugin) && !(p instanceof CopyWebpackPlugin)),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*", to: "assets/[name][ext]" }] }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        templateContent: e2eTemplate(),
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "xlsx-reader.html",
        templateContent:
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>reader</title></head><body></body></html>',
        chunks: ["xlsx-reader"],
      }),
    ],
    devServer: undefined,
  };
};
