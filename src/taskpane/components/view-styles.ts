import { tokens, typographyStyles, type GriffelStyle } from "@fluentui/react-components";

/**
 * The rules every view and its sections share: a heading with no margin (and the view's focus
 * heading, Subtitle 2), a paragraph with none, a section laid out as a column. Spread into each
 * component's makeStyles, beside the rules of its own.
 */
export const VIEW_STYLES = {
  heading: { margin: 0 },
  focusHeading: { ...typographyStyles.subtitle2, margin: 0 },
  text: { margin: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
} satisfies Record<string, GriffelStyle>;
