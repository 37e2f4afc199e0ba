import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Messages } from "../i18n";

export type HostProblem = "notInExcel" | "unsupported";

/** What keeps StarScore from working here, if anything. */
export function hostProblem(inExcel: boolean, excelApiSupported: boolean): HostProblem | null {
  if (!inExcel) return "notInExcel";
  return excelApiSupported ? null : "unsupported";
}

export function HostNotice({ problem, t }: { problem: HostProblem; t: Messages }) {
  const [title, body] =
    problem === "notInExcel"
      ? [t.notInExcelTitle, t.notInExcelBody]
      : [t.unsupportedTitle, t.unsupportedBody];
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {body}
      </MessageBarBody>
    </MessageBar>
  );
}
