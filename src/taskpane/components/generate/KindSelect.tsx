import { Select } from "@fluentui/react-components";
import type { EvaluatorKind } from "../../../assessment/schema";
import type { Messages } from "../../i18n";

/** Auditor or visit: the kind of an evaluator column (labelled by the Field around it). */
export function KindSelect({
  value,
  onChange,
  t,
}: {
  value: EvaluatorKind;
  onChange: (kind: EvaluatorKind) => void;
  t: Messages;
}) {
  return (
    <Select value={value} onChange={(_, data) => onChange(data.value as EvaluatorKind)}>
      <option value="auditor">{t.kindAuditor}</option>
      <option value="visit">{t.kindVisit}</option>
    </Select>
  );
}
