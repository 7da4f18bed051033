/**
 * A sentence from the analysis or the timeline (a verdict, its fix, a finding), whose
 * `backticked` names are shown as code. Each code span is keyed by where it starts in the sentence.
 */
import type { ComponentChildren } from "preact";

export function CodeText({ text }: { text: string }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  text.split("`").forEach((part, i) => {
    parts.push(i % 2 === 1 ? <code key={at}>{part}</code> : part);
    at += part.length + 1;
  });
  return <>{parts}</>;
}
