/**
 * For tests: text encoded as Windows-1256, the legacy Arabic code page
 * that files from older Windows tools arrive in. The platform has no
 * encoder for it, so this inverts its decoder.
 */

/** Encodes `text` as Windows-1256; throws on a character the code page lacks. */
export function encodeCp1256(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from(
    [...text].map((ch) => {
      const b = table.get(ch);
      if (b === undefined) throw new Error(`not in Windows-1256: ${ch}`);
      return b;
    }),
  );
}
