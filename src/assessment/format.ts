/**
 * The assessment file's format name, without the schema: for the code that writes or reads files
 * (the workbook reader, the next audit) and must not load zod for it (docs/performance.md).
 */
export const ASSESSMENT_FORMAT = "starscore.assessment/1";
