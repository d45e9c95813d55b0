/**
 * One entry point for every supported format: bytes on disk → LoadedDocument.
 *
 * Sidecar metadata: `<file>.meta.yaml` next to the file (e.g. `luat-x.txt.meta.yaml`) is the
 * documented form; `<name>.meta.yaml` (e.g. `luat-x.meta.yaml`) is accepted too. When both
 * exist the full-name one wins field by field. Sidecar fields override front matter, which
 * overrides detection.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocMeta, LoadedDocument } from '../../core/types.js';
import { IngestFileError } from '../errors.js';
import { parseDeclaredYaml } from './declared.js';
import { loadDocxBytes } from './docx.js';
import { loadHtmlBytes } from './html.js';
import { loadTextBytes } from './text.js';
import { vietnameseLetters } from '../../core/text.js';

export const SUPPORTED_EXTENSIONS: string[] = ['.pdf', '.docx', '.txt', '.md', '.html', '.htm'];

export const SIDECAR_SUFFIX = '.meta.yaml';

/** Default ceiling: far above any real regulation, low enough to refuse a misplaced archive. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface LoadOptions {
  maxBytes?: number;
}

export function isSupported(file: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

export function isSidecar(file: string): boolean {
  return file.toLowerCase().endsWith(SIDECAR_SUFFIX);
}

/** Candidate sidecar paths of a document, lowest precedence first. */
export function sidecarPaths(absPath: string): string[] {
  const ext = path.extname(absPath);
  const stem = absPath.slice(0, absPath.length - ext.length);
  return [`${stem}${SIDECAR_SUFFIX}`, `${absPath}${SIDECAR_SUFFIX}`];
}

/** Declared metadata from the sidecar(s) of a document, {} when there is none. */
export function readSidecar(absPath: string): Partial<DocMeta> {
  let declared: Partial<DocMeta> = {};
  for (const p of sidecarPaths(absPath)) {
    if (!existsSync(p)) continue;
    declared = { ...declared, ...parseDeclaredYaml(readFileSync(p, 'utf8')) };
  }
  return declared;
}

async function loadByFormat(bytes: Buffer, absPath: string, ext: string): Promise<LoadedDocument> {
  switch (ext) {
    case '.pdf':
      // pdf.js is ~130 MB of RSS: only a process that actually reads a PDF pays for it
      // (the service imports the pipeline for its start-up staleness check).
      return (await import('./pdf.js')).loadPdfBytes(bytes, absPath);
    case '.docx':
      return loadDocxBytes(bytes, absPath);
    case '.txt':
      return loadTextBytes(bytes, absPath, 'txt');
    case '.md':
      return loadTextBytes(bytes, absPath, 'md');
    case '.html':
    case '.htm':
      return loadHtmlBytes(bytes, absPath);
    default:
      throw new IngestFileError('unsupported', absPath, ext);
  }
}

/** Load one file. Unreadable input throws IngestFileError (never anything else for file content). */
export async function loadFile(absPath: string, opts: LoadOptions = {}): Promise<LoadedDocument> {
  const ext = path.extname(absPath).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) throw new IngestFileError('unsupported', absPath, ext || 'no extension');
  const size = statSync(absPath).size;
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > max) throw new IngestFileError('too-large', absPath, `${size} > ${max} bytes`);
  if (size === 0) throw new IngestFileError('empty', absPath);
  const bytes = await readFile(absPath);
  const loaded = await loadByFormat(bytes, absPath, ext);
  const doc = { ...loaded, text: vietnameseLetters(loaded.text) };
  if (!/[\p{L}\p{N}]/u.test(doc.text)) throw new IngestFileError('empty', absPath);
  return { ...doc, declared: { ...doc.declared, ...readSidecar(absPath) } };
}
