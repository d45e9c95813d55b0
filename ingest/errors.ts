import { INGEST_ERROR_REASONS } from '../prompts/ingest.js';

export type IngestErrorCode =
  | 'unsupported'
  | 'empty'
  | 'corrupt'
  | 'no-text-layer'
  | 'legacy-encoding'
  | 'binary'
  | 'too-large';

/**
 * A file that cannot be ingested. The pipeline catches it per file, reports `reason`
 * (Vietnamese, for the operator) and moves on: one bad file never stops an ingest run.
 */
export class IngestFileError extends Error {
  readonly code: IngestErrorCode;
  readonly file: string;
  /** The operator-facing Vietnamese reason. */
  readonly reason: string;
  /** Technical detail for logs (library message, byte counts...). */
  readonly detail?: string;

  constructor(code: IngestErrorCode, file: string, detail?: string) {
    const reason = INGEST_ERROR_REASONS[code];
    super(`${reason} (${file})`);
    this.name = 'IngestFileError';
    this.code = code;
    this.file = file;
    this.reason = reason;
    this.detail = detail;
  }
}

export function isIngestFileError(e: unknown): e is IngestFileError {
  return e instanceof IngestFileError;
}
