/** Plugs the OCR module into the pipeline's OcrFn shape. */
import { ocrFile } from './ocr/index.js';
import type { OcrFn } from './pipeline.js';

export function ocrForPipeline(): OcrFn {
  return async (abs) => {
    const r = await ocrFile(abs);
    return {
      text: r.text,
      meanConfidence: r.meanConfidence,
      lowConfidencePages: r.pages.filter((p) => p.lowConfidence).map((p) => p.page),
      marking: r.stamp.marking,
      undecidable: r.stamp.undecidable,
    };
  };
}
