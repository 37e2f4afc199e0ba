/**
 * Where the add-in is served from. manifest.xml names the development server
 * (https://localhost:3000/); a build for an organisation's own host takes its public URL
 * (`npm run build -- --env publicUrl=https://addins.example.com/starscore/`, see webpack.config.js
 * and docs/deploy.md) and writes dist/manifest.xml with every URL under it.
 */
const { URL } = require("url");

/** The development server's URL, as manifest.xml has it. */
const DEV_URL = "https://localhost:3000/";

/**
 * The public URL of the folder that serves dist/: absolute, https, ending in "/" (added when
 * missing), without query, fragment or credentials. Throws a message that says what to pass.
 */
function parsePublicUrl(value) {
  const hint =
    "publicUrl must be the https URL of the folder that serves dist/, e.g. https://addins.example.com/starscore/";
  let url;
  try {
    url = new URL(String(value ?? ""));
  } catch {
    throw new Error(`${hint} (got "${value}")`);
  }
  if (url.protocol !== "https:") {
    // Office on the web requires https, and Microsoft asks for it everywhere else (docs/deploy.md).
    throw new Error(`${hint}: add-ins are served over https (got "${value}")`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`${hint}, without query, fragment or credentials (got "${value}")`);
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** Every absolute URL in a manifest (attribute values and element text), namespaces aside. */
function manifestUrls(xml) {
  const urls = xml.matchAll(/([\w:.-]+)="(https?:\/\/[^"]*)"|>\s*(https?:\/\/[^<\s]*)\s*</g);
  return [...urls].filter((m) => !m[1]?.startsWith("xmlns")).map((m) => m[2] ?? m[3]);
}

function escapeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/'/g, "&apos;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/**
 * The manifest with every URL under the development server moved under `publicUrl`, and the
 * AppDomain (an origin, no path) set to publicUrl's origin. Throws if any URL is left elsewhere.
 */
function rewriteManifest(xml, publicUrl) {
  const base = parsePublicUrl(publicUrl);
  const origin = new URL(base).origin;
  const devOrigin = new URL(DEV_URL).origin;
  const rewritten = xml.split(DEV_URL).join(escapeXml(base)).split(devOrigin).join(escapeXml(origin));
  const stray = manifestUrls(rewritten).filter((url) => !url.startsWith(escapeXml(base)) && url !== origin);
  if (stray.length > 0) {
    throw new Error(`manifest.xml: URLs outside ${base} after rewriting: ${stray.join(", ")}`);
  }
  return rewritten;
}

module.exports = { DEV_URL, parsePublicUrl, manifestUrls, rewriteManifest };
