import type { StyleKey } from "./types";

/** The look of each cell role, as plain data both writers translate (colours are RGB hex). */
export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  border?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center";
}

export const STYLES: Record<StyleKey, StyleSpec> = {
  title: { bold: true, size: 14, fontColor: "1F3864" },
  subtitle: { italic: true, fontColor: "404040" },
  header: {
    bold: true,
    fill: "1F4E78",
    fontColor: "FFFFFF",
    wrap: true,
    border: true,
    horizontal: "center",
    vertical: "center",
  },
  label: { bold: true, vertical: "top" },
  text: { vertical: "top" },
  wrap: { wrap: true, vertical: "top" },
  input: { fill: "FFFDE7", border: true, horizontal: "center", vertical: "top" },
  inputText: { fill: "FFFDE7", border: true, wrap: true, vertical: "top" },
  primaryRow: { bold: true, fill: "BDD7EE", border: true },
  indicatorRow: { bold: true, fill: "DDEBF7", border: true },
  total: { bold: true, fill: "EDEDED", border: true },
  result: { border: true, horizontal: "right" },
  grade: { bold: true, size: 13, fill: "E2EFDA", border: true, horizontal: "right" },
  muted: { italic: true, fontColor: "808080" },
};
