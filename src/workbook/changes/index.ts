export * from "./changes";
