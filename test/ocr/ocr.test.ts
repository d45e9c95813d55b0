/**
 * End-to-end OCR with the real engine (tesseract + poppler, installed by
 * scripts/test-setup.sh): the real 200-dpi scan of Nghị định 199/2026/NĐ-CP, and
 * generated scan-like fixtures (test/fixtures/ocr/generate.ts) with and without
 * a red, tilted, boxed "TỐI MẬT" stamp.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ocrFile, OcrError } from '../../ingest/ocr/index.js';
import { body, cer, referenceBody } from './cer.js';

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/pdf');
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/ocr');
const LONG = 180_000;

describe('OCR of the real scan 199/2026/NĐ-CP', () => {
  it('reads the body within 5% CER, keeps Điều headings, and is not flagged as classified', async () => {
    const progress: number[] = [];
    const t0 = performance.now();
    const result = await ocrFile(join(CORPUS, '199-2026-nd-cp-scanned.pdf'), { onProgress: (done) => progress.push(done) });
    const seconds = (performance.now() - t0) / 1000;
    const reference = referenceBody(readFileSync(join(CORPUS, '199-2026-nd-cp-scanned.corrected.md'), 'utf8'));
    const rate = cer(body(result.text), reference);
    console.log(
      `OCR 199-2026: CER ${(rate * 100).toFixed(2)}%, ${(seconds / result.pages.length).toFixed(2)} s/page, ` +
        `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (test process; tesseract runs in children), mean confidence ${result.meanConfidence}`,
    );
    expect(rate).toBeLessThanOrEqual(0.05);
    expect(result.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(progress.at(-1)).toBe(3);
    for (let n = 1; n <= 8; n++) expect(result.text).toMatch(new RegExp(`^Điều ${n}\\. `, 'mu'));
    expect(result.stamp).toEqual({ marking: null, source: null, undecidable: false });
  }, LONG);
});

describe('OCR of generated scan-like documents', () => {
  it('detects the red TỐI MẬT stamp on the image-only PDF and still reads the text', async () => {
    const result = await ocrFile(join(FIXTURES, 'quy-che-toi-mat.pdf'));
    expect(result.stamp.marking).toBe('TỐI MẬT');
    expect(result.stamp.source).not.toBeNull();
    expect(result.text).toMatch(/^Điều 1\. Phạm vi điều chỉnh/mu);
  }, LONG);

  it('does not flag the same document without the stamp, and its text can be chunked and answered', async () => {
    const result = await ocrFile(join(FIXTURES, 'quy-che-plain.pdf'));
    expect(result.stamp).toEqual({ marking: null, source: null, undecidable: false });
    for (let n = 1; n <= 4; n++) expect(result.text).toMatch(new RegExp(`^Điều ${n}\\. `, 'mu'));
    // A clause wrapped over two lines in the image comes back as one line.
    expect(result.text).toContain('Thủ trưởng đơn vị chịu trách nhiệm kiểm kê phương tiện định kỳ sáu tháng một lần');
    expect(result.pages[0].lowConfidence).toBe(false);
  }, LONG);

  it('handles image files (JPEG) the same way', async () => {
    const result = await ocrFile(join(FIXTURES, 'quy-che-toi-mat.jpg'));
    expect(result.stamp.marking).toBe('TỐI MẬT');
    expect(result.text).toMatch(/^Điều 4\. Hiệu lực thi hành/mu);
  }, LONG);

  it('rejects files it cannot OCR with a typed error, and honours abort', async () => {
    await expect(ocrFile(join(FIXTURES, 'generate.ts'))).rejects.toMatchObject({ code: 'unsupported-file' });
    const ac = new AbortController();
    ac.abort();
    const err = await ocrFile(join(FIXTURES, 'quy-che-plain.pdf'), { signal: ac.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OcrError);
    expect((err as OcrError).code).toBe('aborted');
  });
});
