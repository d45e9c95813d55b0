/** Plain text and Markdown: decode, split off YAML front matter, normalise. */
import type { LoadedDocument } from '../../core/types.js';
import { nfc, tidyWhitespace } from '../../core/text.js';
import { decodeText } from './decode.js';
import { splitFrontMatter } from './declared.js';

export function loadTextBytes(bytes: Buffer, file: string, format: 'txt' | 'md'): LoadedDocument {
  const { text } = decodeText(bytes, file);
  const { body, declared } = splitFrontMatter(nfc(text).replace(/\r\n?/g, '\n'));
  return { text: tidyWhitespace(body), declared, format };
}
