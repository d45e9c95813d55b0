/**
 * Lines an answer quotes, known again in another answer or as a piece's text: a long line is cut
 * to fit ("… trách nhiệm thông báo …"), so a cut line is the start of the whole one.
 */
import { ELLIPSIS } from '../../prompts/answer.js';

/** A quoted line as compared: trimmed, its closing ellipsis (if cut) kept. */
export function quotedKey(line: string): string {
  return line.trim();
}

/** Was the line cut to fit (it closes with an ellipsis)? */
export function isCut(line: string): boolean {
  return quotedKey(line).endsWith(ELLIPSIS);
}

/** The line before its closing ellipsis, or undefined when it was not cut. */
function stemOf(key: string): string | undefined {
  return key.endsWith(ELLIPSIS) ? key.slice(0, -ELLIPSIS.length).trimEnd() : undefined;
}

/** Are two quoted lines the same line, whole or cut? */
export function sameQuoted(a: string, b: string): boolean {
  const x = quotedKey(a);
  const y = quotedKey(b);
  if (x === y) return true;
  const sx = stemOf(x);
  const sy = stemOf(y);
  return (sx !== undefined && y.startsWith(sx)) || (sy !== undefined && x.startsWith(sy));
}

/** Is the line among the quoted ones (keys from quotedKey)? */
export function isQuoted(line: string, quoted: ReadonlySet<string>): boolean {
  if (quoted.has(quotedKey(line))) return true;
  for (const k of quoted) if (sameQuoted(line, k)) return true;
  return false;
}
