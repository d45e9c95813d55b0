/**
 * The manifest of one index version: what went in, from which file (by content
 * hash), what was kept out and why. Administrators read it through the ingest
 * report; the pipeline reads it to know what changed since the last run.
 */
import type { DocMeta } from '../core/types.js';

export interface ManifestFile {
  /** sha256 of the file bytes (plus its sidecar metadata, when there is one). */
  hash: string;
  size: number;
  status: 'indexed' | 'quarantined' | 'failed';
  meta?: DocMeta;
  /** How many chunks the file gave (the chunks themselves, ids included, are in the chunk store). */
  chunks?: number;
  /** Versions built before `chunks` listed every chunk id here: 2 of a 100k version's 4 MB, parsed at every load. */
  chunkIds?: string[];
  /** Quarantine marking or failure reason code. */
  reason?: string;
  message?: string;
  /** The file was read by OCR; mean word confidence 0..100. */
  ocr?: { meanConfidence: number; lowConfidencePages: number[] };
  /** Set when a newer document replaces this one. */
  supersededBy?: string;
}

export interface Manifest {
  formatVersion: 1;
  version: string;
  createdAt: string;
  /** Source folder the version was built from (as given). */
  source: string;
  embeddingModel: string;
  dimensions: number;
  /** readerVersion() of the code that built it (absent in versions built before it was recorded). */
  reader?: string;
  chunkCount: number;
  documentCount: number;
  files: Record<string, ManifestFile>;
}

export function emptyManifest(source: string): Manifest {
  return {
    formatVersion: 1,
    version: '',
    createdAt: '',
    source,
    embeddingModel: '',
    dimensions: 0,
    chunkCount: 0,
    documentCount: 0,
    files: {},
  };
}
