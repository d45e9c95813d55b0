import { describe, expect, it } from 'vitest';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runIngest, isIndexStale } from '../../ingest/pipeline.js';
import { loadIndexVersion, VECTORS_FILE } from '../../ingest/index-version.js';
import { readCurrentVersion, versionDir } from '../../ingest/store.js';
import type { Manifest } from '../../ingest/manifest.js';
import { openAssistant } from '../../core/runtime.js';
import { testConfig } from '../../core/config.js';
import { mappedFileOf } from '../../core/retrieval/mapped-file.mjs';
import { analyzeQuery } from '../../core/retrieval/analyze.js';
import { countingProvider, GUIDE_B, LAW_A, NEWS_C, STAMPED, tempDir, writeFiles } from './helpers.js';

async function currentChunks(indexDir: string) {
  const v = await readCurrentVersion(indexDir);
  const idx = await loadIndexVersion(versionDir(indexDir, v!), null);
  return idx.chunks;
}

describe('ingest pipeline', () => {
  it('indexes good files, quarantines stamped ones, reports broken ones, and is incremental', async () => {
    const src = await tempDir();
    const indexDir = await tempDir();
    await writeFiles(src, {
      'luat/luat-a.txt': LAW_A,
      'huong-dan/phan-mem.md': GUIDE_B,
      'tin/tap-huan.md': NEWS_C,
      'noi-bo/ke-hoach-mat.txt': STAMPED,
      'hong/ban-quet.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x01, 0x02, 0x03]),
    });
    const first = countingProvider();
    const r1 = await runIngest({ sourceDir: src, indexDir, embedder: first.provider });
    expect(r1.error).toBeUndefined();
    expect(r1.counts.added).toBe(3);
    expect(r1.counts.quarantined).toBe(1);
    expect(r1.counts.failed).toBe(1);
    expect(r1.ok).toBe(false); // a file failed, yet the good ones are in
    expect(r1.files.find((f) => f.file === 'hong/ban-quet.pdf')?.reason).toBeTruthy();

    const chunks1 = await currentChunks(indexDir);
    expect(new Set(chunks1.map((c) => c.docId))).toEqual(new Set(['luat/luat-a.txt', 'huong-dan/phan-mem.md', 'tin/tap-huan.md']));
    // The quarantined text is nowhere in the index folder.
    const v1 = (await readCurrentVersion(indexDir))!;
    const stored = await readdir(versionDir(indexDir, v1), { recursive: true, withFileTypes: true });
    expect(stored.map((e) => e.name)).toEqual(expect.arrayContaining(['chunks.txt', 'chunks.json', 'lexical.json', 'manifest.json']));
    expect(stored.map((e) => e.name)).not.toContain(VECTORS_FILE); // the graph build's scratch file is gone
    for (const e of stored.filter((x) => x.isFile())) {
      expect(await readFile(path.join(e.parentPath, e.name), 'utf8')).not.toContain('Nội dung thử nghiệm');
    }
    expect(first.embedded.length).toBe(chunks1.length);
    expect(await isIndexStale(src, indexDir)).toMatchObject({ stale: false });

    // Change one file: only its chunks are embedded again.
    await writeFile(path.join(src, 'tin/tap-huan.md'), NEWS_C.replace('120 cán bộ', '150 cán bộ'));
    expect((await isIndexStale(src, indexDir)).stale).toBe(true);
    const second = countingProvider();
    const r2 = await runIngest({ sourceDir: src, indexDir, embedder: second.provider });
    expect(r2.counts).toMatchObject({ updated: 1, unchanged: 2, added: 0 });
    // An unchanged file reports the chunks it still gives; the manifest counts each file's chunks.
    const kept = r2.files.find((f) => f.file === 'luat/luat-a.txt');
    expect(kept).toMatchObject({ status: 'unchanged', chunks: chunks1.filter((c) => c.docId === 'luat/luat-a.txt').length });
    const manifest2 = JSON.parse(await readFile(path.join(versionDir(indexDir, r2.versionAfter!), 'manifest.json'), 'utf8')) as Manifest;
    expect(Object.values(manifest2.files).reduce((n, f) => n + (f.chunks ?? 0), 0)).toBe(manifest2.chunkCount);
    const newsChunks = (await currentChunks(indexDir)).filter((c) => c.docId === 'tin/tap-huan.md');
    expect(second.embedded.length).toBeGreaterThan(0);
    expect(second.embedded.length).toBeLessThanOrEqual(newsChunks.length);
    expect(second.embedded.every((t) => t.includes('tập huấn') || t.includes('Bàn làm việc'))).toBe(true);
    expect(r2.versionAfter).not.toBe(r1.versionAfter);

    // Delete one: its chunks disappear.
    await rm(path.join(src, 'huong-dan/phan-mem.md'));
    const third = countingProvider();
    const r3 = await runIngest({ sourceDir: src, indexDir, embedder: third.provider });
    expect(r3.counts.removed).toBe(1);
    expect(third.embedded.length).toBe(0);
    const chunks3 = await currentChunks(indexDir);
    expect(chunks3.some((c) => c.docId === 'huong-dan/phan-mem.md')).toBe(false);
    expect(chunks3.some((c) => c.docId === 'luat/luat-a.txt')).toBe(true);
  });

  it('reads every file again when the index was built by other ingest code', async () => {
    const src = await tempDir();
    const indexDir = await tempDir();
    await writeFiles(src, { 'luat/luat-a.txt': LAW_A, 'noi-bo/ke-hoach-mat.txt': STAMPED });
    const r1 = await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider });
    expect(r1.counts).toMatchObject({ added: 1, quarantined: 1 });
    expect(await isIndexStale(src, indexDir)).toMatchObject({ stale: false });

    // As if an older release had built it: no source changed, yet the index is stale.
    const manifestFile = path.join(versionDir(indexDir, r1.versionAfter!), 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    expect(manifest.reader).toMatch(/^[0-9a-f]{16}$/);
    await writeFile(manifestFile, JSON.stringify({ ...manifest, reader: 'older-release' }));
    expect(await isIndexStale(src, indexDir)).toEqual({ stale: true, reason: 'built by other ingest code' });

    const r2 = await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider });
    expect(r2.counts).toMatchObject({ updated: 1, unchanged: 0, quarantined: 1 });
    expect(r2.files.find((f) => f.file === 'luat/luat-a.txt')?.status).toBe('updated');
    expect(await isIndexStale(src, indexDir)).toMatchObject({ stale: false });
  });

  it('keeps the last good index serving when a run fails mid-way', async () => {
    const src = await tempDir();
    const indexDir = await tempDir();
    await writeFiles(src, { 'luat/luat-a.txt': LAW_A });
    const ok = await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider });
    expect(ok.error).toBeUndefined();
    const good = await readCurrentVersion(indexDir);

    await writeFiles(src, { 'tin/tap-huan.md': NEWS_C });
    const failed = await runIngest({
      sourceDir: src,
      indexDir,
      embedder: countingProvider().provider,
      beforeCommit: async () => {
        throw new Error('disk full (injected)');
      },
    });
    expect(failed.error).toMatch(/injected/);
    expect(failed.versionAfter).toBe(good);
    expect(await readCurrentVersion(indexDir)).toBe(good);

    const assistant = await openAssistant(testConfig({ REFUSAL_AUDIT_FILE: path.join(indexDir, 'audit.jsonl') }), { indexDir, chatModel: null });
    expect(assistant.health()).toMatchObject({ loaded: true, version: good });
    const r = await assistant.ask('Hồ sơ vụ án hình sự được lưu trữ bao lâu?');
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('20 năm');
    expect(r.citations[0]).toMatchObject({ source: 'luat/luat-a.txt' });
  });

  it('maps the postings of a loaded version, which keep serving after its folder is removed', async () => {
    const src = await tempDir();
    const indexDir = await tempDir();
    await writeFiles(src, { 'luat/luat-a.txt': LAW_A });
    expect((await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider })).error).toBeUndefined();
    const dir = versionDir(indexDir, (await readCurrentVersion(indexDir))!);
    const idx = await loadIndexVersion(dir, null);
    expect(mappedFileOf(idx.lexical.docs.buffer)).toBe(path.join(dir, 'lexical.bin'));
    const terms = analyzeQuery('hồ sơ vụ án lưu trữ').terms;
    const before = idx.lexical.search(terms, 5);
    expect(before.length).toBeGreaterThan(0);
    // A re-ingest prunes old versions while a snapshot on one may still be answering.
    await rm(dir, { recursive: true, force: true });
    expect(idx.lexical.search(terms, 5)).toEqual(before);
  });
});
