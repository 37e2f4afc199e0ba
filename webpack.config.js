/**
 * Builds the task pane and the commands page of the Excel add-in into dist/ and serves them on
 * https://localhost:3000/. `--env publicUrl=https://addins.example.com/starscore/` writes
 * dist/manifest.xml for that host instead (scripts/public-url.js, docs/deploy.md); without it the
 * manifest keeps the development server's URLs.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DEV_URL, parsePublicUrl, rewriteManifest } = require("./scripts/public-url");

/** Trusted certificates from office-addin-dev-certs when it is installed; otherwise webpack-dev-server's own. */
async function getServer() {
  try {
    require.resolve("office-addin-dev-certs");
  } catch {
    return "https";
  }
  const { getHttpsServerOptions } = require("office-addin-dev-certs");
  const { ca, key, cert } = await getHttpsServerOptions();
  return { type: "https", options: { ca, key, cert } };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode !== "production";
  const publicUrl = env.publicUrl === undefined ? undefined : parsePublicUrl(env.publicUrl);
  if (!publicUrl && !dev && process.env.npm_lifecycle_event === "build") {
    console.warn(
      `dist/manifest.xml points at the development server ${DEV_URL}. For your own host: ` +
        "npm run build -- --env publicUrl=https://addins.example.com/starscore/ (docs/deploy.md)",
    );
  }
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      alias: {
        // The .xlsx reader in the browser (merge, compare, the previous audit): zip parts unzipped by
        // the web platform's DecompressionStream instead of node:zlib (src/workbook/xlsx/inflate.ts).
        [path.resolve(__dirname, "src/workbook/xlsx/inflate")]: path.resolve(
          __dirname,
          "src/workbook/xlsx/inflate.browser.ts",
        ),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { configFile: "tsconfig.json", transpileOnly: true },
          },
        },
      ],
    },
    optimization: {
      // The task pane loads react, fluent, vendors and its own small chunk, all cacheable by content hash.
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          defaultVendors: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendors",
            // Only what the first paint needs: the Office.js host's chunk (import() in index.tsx)
            // keeps its own libraries (zod, fraction.js) instead of growing this initial chunk.
            chunks: "initial",
            priority: -10,
            reuseExistingChunk: true,
          },
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            priority: 20,
          },
          fluent: {
            test: /[\\/]node_modules[\\/]@(fluentui|griffel|floating-ui|swc)[\\/]/,
            name: "fluent",
            // The components the first paint uses; those only the lazy views use go with them.
            chunks: "initial",
            priority: 10,
          },
        },
      },
    },
    // Uncompressed limits (the initial JS measured 428 KB raw, plus 5 %); the real budget is the
    // gzipped size of the task pane's initial JS, test/budgets/bundle.test.ts.
    performance: dev ? false : { maxEntrypointSize: 450 * 1024, maxAssetSize: 450 * 1024 },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return publicUrl ? rewriteManifest(content.toString(), publicUrl) : content;
            },
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
    ],
    devServer: {
      port: 3000,
      server: await getServer(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
};
