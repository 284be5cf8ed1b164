/**
 * A quoted passage inside a line of Latin text: isolated with <bdi
 * dir="auto"> so right-to-left text neither reorders its surroundings nor
 * is reordered by them, and set off by a tint instead of added quotation
 * marks (which landed in odd places next to the text's own quotes).
 */
export function Quote({ text }: { text: string }): React.JSX.Element {
  return (
    <bdi dir="auto" lang="ar" className="quote">
      {text}
    </bdi>
  );
}
