import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describeManifest } from "../manifest/manifest-checks";

/**
 * Deploying for a team (docs/deploy.md): the README's `npm run build -- --env publicUrl=…`, run as
 * written through npm (so package.json passes the URL on to webpack), into a temporary folder.
 * The written dist/ holds everything the host serves, and its manifest passes the same offline
 * checks as manifest.xml with every URL under the public URL. A real production build: slow.
 */
const PUBLIC_URL = "https://addins.example.com/starscore/";
const root = path.resolve(__dirname, "../..");
const out = mkdtempSync(path.join(tmpdir(), "starscore-deploy-"));

jest.setTimeout(300_000);

let log = "";
beforeAll(() => {
  // --ignore-scripts skips postbuild (the CLI's tsc), which has nothing to do with dist/.
  const npm = process.env.npm_execpath;
  const [command, prefix] = npm && /npm-cli\.js$/.test(npm) ? [process.execPath, [npm]] : ["npm", []];
  const args = [
    "run",
    "--ignore-scripts",
    "build",
    "--",
    "--env",
    `publicUrl=${PUBLIC_URL}`,
    "--output-path",
    out,
  ];
  const built = spawnSync(command, [...prefix, ...args], { cwd: root, encoding: "utf8" });
  log = `${built.stdout}\n${built.stderr}`;
  if (built.status !== 0) throw new Error(`npm run build failed:\n${log}`);
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

test("dist/ holds the pages, their scripts, the icons and the manifest, and nothing names localhost", () => {
  const files = readdirSync(out);
  expect(files).toEqual(expect.arrayContaining(["taskpane.html", "commands.html", "manifest.xml", "assets"]));
  expect(readdirSync(path.join(out, "assets")).sort()).toEqual(readdirSync(path.join(root, "assets")).sort());
  for (const page of ["taskpane.html", "commands.html"]) {
    const html = readFileSync(path.join(out, page), "utf8");
    // Scripts load relative to the page, so dist/ works under any folder of the host.
    const scripts = [...html.matchAll(/<script[^>]+src=["']?([^"' >]+)/g)].map((m) => m[1]!);
    const own = scripts.filter((src) => !src.startsWith("https://appsforoffice.microsoft.com/"));
    expect(own.length).toBeGreaterThan(0);
    for (const src of own) {
      expect(src).not.toMatch(/^(https?:)?\/\//);
      expect(existsSync(path.join(out, src))).toBe(true);
    }
  }
  const text = files.filter((f) => /\.(html|js|xml)$/.test(f));
  for (const file of text)
    expect([file, readFileSync(path.join(out, file), "utf8").includes("localhost")]).toEqual([file, false]);
  expect(log).not.toMatch(/points at the development server/);
});

describeManifest(`dist/manifest.xml built for ${PUBLIC_URL}`, () => ({
  file: path.join(out, "manifest.xml"),
  base: PUBLIC_URL,
  served: out,
}));
