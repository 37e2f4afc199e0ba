import type { BadgeProps } from "@fluentui/react-components";
import type { GradeId } from "../../spec/types";

/** The grade badge's colour: green for five stars down to red for a fail. */
export const GRADE_COLORS: Record<GradeId, NonNullable<BadgeProps["color"]>> = {
  "five-star": "success",
  "four-star": "brand",
  "three-star": "informative",
  qualified: "warning",
  fail: "danger",
};
