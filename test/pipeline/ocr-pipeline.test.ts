/**
 * Scans through the whole pipeline: a scan stamped "TỐI MẬT" is quarantined,
 * the same document without the stamp is OCR'd, indexed and answers a question.
 */
import { describe, expect, it } from 'vitest';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline.js';
import { ocrForPipeline } from '../../ingest/ocr-adapter.js';
import { openAssistant } from '../../core/runtime.js';
import { testConfig } from '../../core/config.js';
import { countingProvider, tempDir } from './helpers.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/ocr');

describe('scanned documents in the pipeline', () => {
  it('quarantines the stamped scan and answers from the plain one', async () => {
    const src = await tempDir();
    const indexDir = await tempDir();
    await mkdir(path.join(src, 'scan'), { recursive: true });
    await copyFile(path.join(FIXTURES, 'quy-che-toi-mat.pdf'), path.join(src, 'scan/quy-che-toi-mat.pdf'));
    await copyFile(path.join(FIXTURES, 'quy-che-plain.pdf'), path.join(src, 'scan/quy-che-plain.pdf'));
    const report = await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider, ocr: ocrForPipeline() });
    expect(report.error).toBeUndefined();
    const stamped = report.files.find((f) => f.file === 'scan/quy-che-toi-mat.pdf');
    const plain = report.files.find((f) => f.file === 'scan/quy-che-plain.pdf');
    expect(stamped).toMatchObject({ status: 'quarantined' });
    expect(stamped?.reason).toMatch(/TỐI MẬT|undecidable/);
    expect(plain).toMatchObject({ status: 'added' });
    expect(plain?.ocr?.meanConfidence).toBeGreaterThan(60);

    const assistant = await openAssistant(testConfig({ REFUSAL_AUDIT_FILE: path.join(indexDir, 'a.jsonl') }), { indexDir, chatModel: null });
    const r = await assistant.ask('Thủ trưởng đơn vị phải kiểm kê phương tiện kỹ thuật bao lâu một lần?');
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('sáu tháng');
    expect(r.citations[0]).toMatchObject({ source: 'scan/quy-che-plain.pdf' });
    expect(r.citations[0].locator).toMatch(/Điều 3/);
  }, 120_000);
});
