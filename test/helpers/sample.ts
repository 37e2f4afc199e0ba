import { readFileSync } from "node:fs";
import path from "node:path";
import type { Assessment } from "../../src/assessment/schema";

/** The shipped sample assessment (examples/sample-assessment.json): its path, and the assessment. */
export const SAMPLE_FILE = path.resolve(__dirname, "../../examples/sample-assessment.json");
export const SAMPLE: Assessment = JSON.parse(readFileSync(SAMPLE_FILE, "utf8"));
