import { splitMarked } from "../domain/fts-query";

/** Text with search hits between marker characters, rendered as <mark> by React (never as HTML). */
export function Marked({ text }: { text: string }) {
  return (
    <>
      {splitMarked(text).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
