import path from "path";
import { describeManifest } from "./manifest-checks";

/** The repository's manifest.xml: the development server's, https://localhost:3000/. */
const root = path.resolve(__dirname, "../..");

describeManifest("manifest.xml", () => ({
  file: path.join(root, "manifest.xml"),
  base: "https://localhost:3000/",
  served: root,
}));
