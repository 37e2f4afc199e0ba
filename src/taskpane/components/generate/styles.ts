import { makeStyles, tokens } from "@fluentui/react-components";

/** The Generate view's layout, shared by its forms. */
export const useGenerateStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  text: { margin: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});
