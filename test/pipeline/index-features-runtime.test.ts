/** An assistant whose lexical search is split over two threads answers as the one-thread one does. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline.js';
import { openAssistant } from '../../core/runtime.js';
import { testConfig } from '../../core/config.js';
import { SplitLexicalSearch } from '../../core/retrieval/split-search.js';
import { loadIndexVersion } from '../../ingest/index-version.js';
import { readCurrentVersion, versionDir } from '../../ingest/store.js';
import { countingProvider, GUIDE_B, LAW_A, NEWS_C, tempDir, writeFiles } from './helpers.js';

afterEach(() => vi.restoreAllMocks());

describe('the definitions table of an index version', () => {
  it('is written by the ingest and read back by the loader', async () => {
    const src = await tempDir();
    const indexDir = await tempDir();
    await writeFiles(src, { 'luat-a.txt': LAW_A.replace('Điều 2. Thời hạn lưu trữ\n', 'Điều 2. Thời hạn lưu trữ\nHồ sơ điện tử là hồ sơ được lập bằng phương tiện điện tử.\n') });
    await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider });
    const version = await readCurrentVersion(indexDir);
    const loaded = await loadIndexVersion(versionDir(indexDir, version!), null);
    const defining = loaded.definitions?.get('ho so dien tu');
    expect(defining).toHaveLength(1);
    expect(loaded.chunks[defining![0]].text).toContain('Hồ sơ điện tử là hồ sơ');
  });
});

describe('split lexical search in the runtime', () => {
  it('gives the same answers, and stops the old version’s worker after a re-ingest', async () => {
    const src = await tempDir();
    const indexDir = await tempDir();
    await writeFiles(src, { 'luat-a.txt': LAW_A, 'huong-dan-b.md': GUIDE_B, 'tin-c.md': NEWS_C });
    await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider });
    const open = (min: string) =>
      openAssistant(testConfig({ REFUSAL_AUDIT_FILE: path.join(indexDir, 'refusals.jsonl'), ANSWER_CACHE_SIZE: '0', SEARCH_SPLIT_MIN_CHUNKS: min }), {
        indexDir,
        chatModel: null,
      });
    const begin = vi.spyOn(SplitLexicalSearch.prototype, 'begin');
    const oneThread = await open('0');
    const split = await open('1');
    const questions = ['Hồ sơ khiếu nại được lưu trữ bao lâu?', 'thoi han giai quyet khieu nai', 'Làm thế nào để ký số văn bản?', 'tỷ giá đô la hôm nay'];
    for (const q of questions) {
      const [a, b] = [await oneThread.ask(q), await split.ask(q)];
      expect(b.text).toBe(a.text);
      expect(b.citations).toEqual(a.citations);
    }
    expect(begin).toHaveBeenCalledTimes(questions.length);

    const retire = vi.spyOn(SplitLexicalSearch.prototype, 'retire');
    const opened = vi.spyOn(SplitLexicalSearch, 'over');
    await writeFiles(src, { 'tin-d.md': NEWS_C.replace(/\d{4}/g, '2031') });
    await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider });
    // Two reloads at once (a version message and a poll) open the new version once.
    await Promise.all([split.reload(), split.reload()]);
    expect(opened).toHaveBeenCalledTimes(1);
    expect(retire).toHaveBeenCalledTimes(1);
    expect((await split.ask(questions[0])).citations.length).toBeGreaterThan(0);
  });
});
