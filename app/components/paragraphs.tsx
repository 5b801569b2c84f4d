/** Plain text as paragraphs (blank lines split them; single line breaks are kept). Never HTML. */
export function Paragraphs({ text }: { text: string }) {
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  return (
    <>
      {blocks.map((b, i) => (
        <p key={i} className="pre-line">
          {b}
        </p>
      ))}
    </>
  );
}
