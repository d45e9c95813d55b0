/** The vector share of the hybrid fusion is a setting: a semantic embeddings provider may earn more than the local default. */
import { describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline.js';
import { openAssistant } from '../../core/runtime.js';
import { ConfigError, testConfig } from '../../core/config.js';
import { DEFAULT_HYBRID, HybridRetriever } from '../../core/retrieval/hybrid.js';
import { countingProvider, LAW_A, tempDir, writeFiles } from './helpers.js';

describe('RETRIEVAL_VECTOR_WEIGHT', () => {
  it('sets the vector share of the fusion; unset or empty keeps the retriever default; out of range is a config error', async () => {
    const src = await tempDir();
    const indexDir = await tempDir();
    await writeFiles(src, { 'luat-a.txt': LAW_A });
    await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider });
    const open = (weight?: string) =>
      openAssistant(testConfig({ REFUSAL_AUDIT_FILE: path.join(indexDir, 'refusals.jsonl'), ...(weight === undefined ? {} : { RETRIEVAL_VECTOR_WEIGHT: weight }) }), {
        indexDir,
        chatModel: null,
      });
    // The weight the retriever answering a question fuses with.
    const weightOf = async (a: Awaited<ReturnType<typeof open>>) => {
      const retrieve = vi.spyOn(HybridRetriever.prototype, 'retrieve');
      await a.ask('Hồ sơ khiếu nại được lưu trữ bao lâu?');
      const used = (retrieve.mock.contexts[0] as HybridRetriever).options.vectorWeight;
      retrieve.mockRestore();
      return used;
    };
    expect(await weightOf(await open('0.4'))).toBe(0.4);
    expect(await weightOf(await open())).toBe(DEFAULT_HYBRID.vectorWeight);
    expect(await weightOf(await open(''))).toBe(DEFAULT_HYBRID.vectorWeight);
    expect(() => testConfig({ RETRIEVAL_VECTOR_WEIGHT: '2' })).toThrow(ConfigError);
  });
});
