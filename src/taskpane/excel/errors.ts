// The error classes the views tell apart live with the pane (src/taskpane/errors.ts says why).
export { WorkbookExistsError } from "../errors";
