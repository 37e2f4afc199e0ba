/** Builds the task pane and the commands page of the Excel add-in into dist/ and serves them on https://localhost:3000/. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
/** Set STARSCORE_ADDIN_URL (ending in "/") to rewrite the URLs of dist/manifest.xml for a production host. */
const urlProd = process.env.STARSCORE_ADDIN_URL || urlDev;

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

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
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
            priority: 10,
          },
        },
      },
    },
    // Uncompressed limits; the real budget is 200 KB gzipped for all of the task pane's initial JS.
    performance: dev ? false : { maxEntrypointSize: 720 * 1024, maxAssetSize: 450 * 1024 },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().replaceAll(urlDev, urlProd);
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
