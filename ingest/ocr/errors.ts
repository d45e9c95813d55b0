/** Why OCR could not produce a result; the pipeline decides per code (skip, retry, quarantine). */
export type OcrErrorCode = 'missing-tool' | 'unsupported-file' | 'engine-failed' | 'bad-image' | 'aborted';

export class OcrError extends Error {
  readonly code: OcrErrorCode;
  constructor(code: OcrErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OcrError';
    this.code = code;
  }
}
