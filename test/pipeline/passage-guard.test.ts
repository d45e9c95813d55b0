/**
 * A passage carrying a classification marking in its body ("độ mật: Tối mật" in a clause, not a
 * stamp the document screen sees): ingestion holds the whole document back; and, in depth, an
 * index that holds such a passage anyway (built before that check existed) never quotes, cites
 * or shows it to a model; the answer is composed again without it.
 */
import { describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import type { BaseMessage } from '@langchain/core/messages';
import { runIngest } from '../../ingest/pipeline.js';
import { openAssistant } from '../../core/runtime.js';
import { testConfig } from '../../core/config.js';
import { countingProvider, LAW_A, tempDir, writeFiles } from './helpers.js';
import { readCurrentManifest } from '../../ingest/store.js';

// Lets a test build an index as a pipeline without the ingest-time check would have.
const bypass = vi.hoisted(() => ({ ingest: false }));
vi.mock('../../core/guard/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../core/guard/index.js')>();
  return { ...real, passageIsClassified: (text: string) => !bypass.ingest && real.passageIsClassified(text) };
});

const LAW = `${LAW_A}
Điều 3. Hồ sơ đặc biệt
Hồ sơ vụ án hình sự về an ninh quốc gia được lưu trữ trong thời hạn 70 năm, độ mật: Tối mật.
`;

class RecordingModel extends FakeListChatModel {
  prompts: string[] = [];
  override async _generate(messages: BaseMessage[], options?: this['ParsedCallOptions']) {
    this.prompts.push(messages.map((m) => String(m.content)).join('\n'));
    return super._generate(messages, options);
  }
}

async function open(chatModel: RecordingModel | null) {
  const src = await tempDir();
  const indexDir = await tempDir();
  await writeFiles(src, { 'luat-a.txt': LAW });
  bypass.ingest = true;
  try {
    await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider });
  } finally {
    bypass.ingest = false;
  }
  const cfg = testConfig({ REFUSAL_AUDIT_FILE: path.join(indexDir, 'refusals.jsonl') });
  return openAssistant(cfg, { indexDir, chatModel });
}

describe('passage guard at ingestion', () => {
  it('quarantines a document with a marked passage, naming where but not what', async () => {
    const src = await tempDir();
    const indexDir = await tempDir();
    await writeFiles(src, { 'luat-a.txt': LAW, 'luat-b.txt': LAW_A.replace('LUẬT THỬ NGHIỆM A', 'LUẬT THỬ NGHIỆM B').replace('11/2020/QH14', '12/2020/QH14') });
    const report = await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider });
    expect(report.counts.quarantined).toBe(1);
    const manifest = await readCurrentManifest(indexDir);
    const entry = manifest!.files['luat-a.txt'];
    expect(entry.status).toBe('quarantined');
    expect(entry.reason).toBe('marking:passage');
    expect(entry.message).toContain('Điều 3');
    expect(entry.message).not.toContain('70 năm');
    expect(manifest!.files['luat-b.txt'].status).toBe('indexed');
  });
});

describe('passage guard at question time', () => {
  it('never quotes or cites a marked passage, and still answers from the others', async () => {
    const assistant = await open(null);
    const marked = await assistant.ask('Hồ sơ vụ án an ninh quốc gia được lưu trữ bao lâu?');
    expect(marked.text).not.toContain('70 năm');
    expect(marked.text.toLowerCase()).not.toContain('tối mật');
    expect(marked.citations.map((c) => c.locator)).not.toContain('Điều 3');
    const plain = await assistant.ask('Hồ sơ khiếu nại được lưu trữ bao lâu?');
    expect(plain.abstained).toBe(false);
    expect(plain.text).toContain('10 năm');
  });

  it('never shows a marked passage to the model', async () => {
    const model = new RecordingModel({ responses: ['Hồ sơ vụ án hình sự được lưu trữ 20 năm [1].'] });
    const assistant = await open(model);
    await assistant.ask('Hồ sơ vụ án hình sự được lưu trữ trong thời hạn bao lâu?');
    expect(model.prompts).toHaveLength(1);
    expect(model.prompts[0]).toContain('20 năm');
    expect(model.prompts[0]).not.toContain('70 năm');
  });
});
