/**
 * Prints, as JSON, what office-addin-manifest's own reader makes of an XML manifest: `info` from
 * OfficeAddinManifest.readManifestFile and `xml` (the whole document as xml2js parsed it) from its XML
 * handler. It runs in a plain Node process (spawned by manifest.test.ts) because the package's
 * ESM-only dependencies load there (require(esm), Node 20.19+) but not inside jest.
 */
const { OfficeAddinManifest } = require("office-addin-manifest");
const { ManifestHandlerXml } = require("office-addin-manifest/lib/manifestHandler/manifestHandlerXml");

async function main(manifestPath) {
  const info = await OfficeAddinManifest.readManifestFile(manifestPath);
  const xml = await new ManifestHandlerXml(manifestPath).parseXmlAsync();
  process.stdout.write(JSON.stringify({ info, xml }));
}

main(process.argv[2]).catch((error) => {
  console.error(error);
  process.exit(1);
});
