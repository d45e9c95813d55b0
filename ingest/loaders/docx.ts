/** Word .docx via mammoth: paragraphs become blank-line separated blocks. */
import mammoth from 'mammoth';
import type { LoadedDocument } from '../../core/types.js';
import { nfc, tidyWhitespace } from '../../core/text.js';
import { IngestFileError } from '../errors.js';

export async function loadDocxBytes(bytes: Buffer, file: string): Promise<LoadedDocument> {
  // A .docx is a ZIP: anything else (an old binary .doc renamed, a truncated download) is corrupt.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new IngestFileError('corrupt', file, 'not a ZIP container');
  }
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch (e) {
    throw new IngestFileError('corrupt', file, (e as Error).message);
  }
  return { text: tidyWhitespace(nfc(raw)), declared: {}, format: 'docx' };
}
