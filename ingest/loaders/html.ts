/** HTML pages: keep the readable body, drop scripts, styles, navigation and page chrome. */
import { convert } from 'html-to-text';
import type { LoadedDocument } from '../../core/types.js';
import { nfc, tidyWhitespace } from '../../core/text.js';
import { decodeText } from './decode.js';

const SKIP = ['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'svg', 'button'];

export function htmlToPlainText(html: string): string {
  const heading = { options: { uppercase: false } };
  return convert(html, {
    wordwrap: false,
    selectors: [
      ...SKIP.map((selector) => ({ selector, format: 'skip' })),
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', ...heading },
      { selector: 'h2', ...heading },
      { selector: 'h3', ...heading },
      { selector: 'h4', ...heading },
      { selector: 'h5', ...heading },
      { selector: 'h6', ...heading },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
}

export function loadHtmlBytes(bytes: Buffer, file: string): LoadedDocument {
  const { text } = decodeText(bytes, file);
  return { text: tidyWhitespace(nfc(htmlToPlainText(text))), declared: {}, format: 'html' };
}
