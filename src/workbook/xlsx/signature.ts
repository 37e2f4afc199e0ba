/**
 * What a file is, by its first bytes: an .xlsx is a zip package, an old .xls (or a password-protected
 * .xlsx) a Compound File (OLE2). Apart from the reader so that telling a JSON file from a workbook
 * loads no workbook library. Plain Uint8Array, so the task pane's reader (in the browser) uses it too.
 */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const startsWith = (data: Uint8Array, magic: readonly number[]) =>
  data.length >= magic.length && magic.every((byte, i) => data[i] === byte);

export function isZip(data: Uint8Array): boolean {
  return startsWith(data, ZIP_MAGIC);
}

export function isCompoundFile(data: Uint8Array): boolean {
  return startsWith(data, OLE_MAGIC);
}
