/**
 * What a file is, by its first bytes: an .xlsx is a zip package, an old .xls (or a password-protected
 * .xlsx) a Compound File (OLE2). Apart from the reader so that telling a JSON file from a workbook
 * loads no workbook library.
 */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function isZip(data: Uint8Array): boolean {
  return Buffer.from(data.subarray(0, 4)).equals(ZIP_MAGIC);
}

export function isCompoundFile(data: Uint8Array): boolean {
  return Buffer.from(data.subarray(0, 8)).equals(OLE_MAGIC);
}
