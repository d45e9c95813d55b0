/**
 * One file through the front half of the pipeline: load (or OCR) → metadata →
 * screening → chunks. Never throws for a bad file: the outcome says why.
 */
import path from 'node:path';
import type { Chunk, DocMeta, LoadedDocument } from '../core/types.js';
import { detach } from '../core/text.js';
import { loadFile } from './loaders/index.js';
import { IMAGE_EXTENSIONS } from './ocr/index.js';
import { IngestFileError } from './errors.js';
import { detectMetadata } from './metadata.js';
import { screenDocument } from './screen.js';
import { passageIsClassified } from '../core/guard/index.js';
import { chunkDocument } from './chunk.js';
import type { ManifestFile } from './manifest.js';
import type { OcrFn } from './pipeline.js';
import { pipelineMessages as ingestMessages } from '../prompts/pipeline.js';

export interface ProcessedFile {
  entry: Omit<ManifestFile, 'hash' | 'size'>;
  chunks: Chunk[];
}


function failed(reason: string, message: string): ProcessedFile {
  return { entry: { status: 'failed', reason, message }, chunks: [] };
}

/** The metadata with every string its own copy (see `detach`). */
function detachMeta(meta: DocMeta): DocMeta {
  const out = { ...meta } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) {
    if (typeof v === 'string') out[k] = detach(v);
    else if (Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'string' ? detach(x) : x));
  }
  return out as unknown as DocMeta;
}

export async function processFile(abs: string, rel: string, opts: { ocr?: OcrFn } = {}): Promise<ProcessedFile> {
  let loaded: LoadedDocument;
  let ocrInfo: ManifestFile['ocr'];
  const ext = path.extname(abs).toLowerCase();
  try {
    if ((IMAGE_EXTENSIONS as readonly string[]).includes(ext)) throw new IngestFileError('no-text-layer', rel);
    loaded = await loadFile(abs);
  } catch (err) {
    const isNoText = err instanceof IngestFileError && err.code === 'no-text-layer';
    if (!isNoText || !opts.ocr) {
      if (err instanceof IngestFileError) return failed(err.code, err.message);
      return failed('corrupt', err instanceof Error ? err.message : String(err));
    }
    // Scanned document: OCR it, and treat an unreadable stamp as a stamp (fail closed).
    try {
      const r = await opts.ocr(abs);
      ocrInfo = { meanConfidence: r.meanConfidence, lowConfidencePages: r.lowConfidencePages };
      if (r.marking || r.undecidable) {
        return {
          entry: {
            status: 'quarantined',
            reason: r.marking ? `stamp:${r.marking}` : 'ocr-undecidable',
            message: r.marking ? ingestMessages.quarantinedStamp : ingestMessages.quarantinedUndecidable,
            ocr: ocrInfo,
          },
          chunks: [],
        };
      }
      loaded = { text: r.text, declared: {}, format: ext === '.pdf' ? 'pdf' : 'txt' };
    } catch (ocrErr) {
      return failed('ocr-failed', ocrErr instanceof Error ? ocrErr.message : String(ocrErr));
    }
  }

  // Detached: the manifest keeps the metadata for the whole run, and fields cut from the text
  // would keep the whole text alive with them (the chunks copy title and number from here).
  const meta = detachMeta(detectMetadata(loaded.text, loaded.declared, rel));
  const verdict = screenDocument(loaded.text, meta);
  if (verdict.classified) {
    // Kept out entirely: no chunk, no vector, no text in the manifest.
    return {
      entry: { status: 'quarantined', reason: `marking:${verdict.marking ?? 'unknown'}`, message: ingestMessages.quarantinedMarking, ocr: ocrInfo },
      chunks: [],
    };
  }
  const chunks = chunkDocument(loaded.text, meta);
  if (!chunks.length) return failed('empty', ingestMessages.noChunks);
  // The question-time passage guard, applied before anything is stored: a marking inside the body
  // ("độ mật: Tối mật" in a clause) is not a stamp the document screen sees. One marked passage
  // holds back the whole document, for a person to decide; the report names where, never what.
  const marked = chunks.find((c) => passageIsClassified(c.text));
  if (marked) {
    return {
      entry: { status: 'quarantined', reason: 'marking:passage', message: ingestMessages.quarantinedPassage(marked.locator || `đoạn ${marked.ord + 1}`), ocr: ocrInfo },
      chunks: [],
    };
  }
  return { entry: { status: 'indexed', meta, ocr: ocrInfo }, chunks };
}
