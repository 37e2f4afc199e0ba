import { Fragment, type ReactNode } from "react";
import { makeStyles } from "@fluentui/react-components";
import { fmt } from "../i18n";

const useStyles = makeStyles({ nowrap: { whiteSpace: "nowrap" } });

/**
 * A message whose placeholders take elements, not only text (fmt for those that are text): for a
 * time that must not break in the middle of its value, say.
 */
export function Formatted({
  template,
  text = {},
  nodes,
}: {
  template: string;
  text?: Record<string, string | number>;
  nodes: Record<string, ReactNode>;
}) {
  const parts = fmt(template, text).split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 && part in nodes ? (
          <Fragment key={i}>{nodes[part]}</Fragment>
        ) : (
          <Fragment key={i}>{i % 2 === 1 ? `{${part}}` : part}</Fragment>
        ),
      )}
    </>
  );
}

/** An audit time, kept on one line, with its full ISO value for machines and on hover. */
export function Time({ iso, shown }: { iso: string; shown: string }) {
  const styles = useStyles();
  return (
    <time dateTime={iso} title={iso} className={styles.nowrap}>
      {shown}
    </time>
  );
}
