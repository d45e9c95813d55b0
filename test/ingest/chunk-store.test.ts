import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Chunk } from '../../core/types.js';
import { readChunkStore, writeChunkStore, ChunkStoreFormatError, ChunkStoreWriter } from '../../ingest/chunk-store.js';
import { lexicalDocs, loadIndexVersion } from '../../ingest/index-version.js';
import { BM25Index } from '../../core/retrieval/bm25.js';
import { emptyManifest } from '../../ingest/manifest.js';

const chunks: Chunk[] = [
  { id: 'a1', docId: 'luat/a.txt', text: 'Điều 1. Phạm vi điều chỉnh\nLuật này quy định về kiểm sát.', ord: 0, title: 'Luật A', number: '1/2020/QH14', type: 'Luật', locator: 'Điều 1', article: '1', heading: 'Điều 1. Phạm vi điều chỉnh' },
  { id: 'a2', docId: 'luat/a.txt', text: 'Viện kiểm sát nhân dân thực hành quyền công tố.', ord: 1, title: 'Luật A', number: '1/2020/QH14', type: 'Luật' },
  { id: 'b1', docId: 'tin/b.md', text: '', ord: 0, title: 'Tin B', type: 'Tin tức', heading: 'Tập huấn 😀' },
];

async function tmp(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'vks-chunks-'));
}

describe('chunk store', () => {
  it('gives back the chunks it stored, texts included, as plain-looking objects', async () => {
    const dir = await tmp();
    await writeChunkStore(dir, chunks);
    const back = await readChunkStore(dir);
    expect(back).toEqual(chunks);
    expect(back.map((c) => c.text)).toEqual(chunks.map((c) => c.text));
    // Spreading or serialising a stored chunk keeps its text.
    expect({ ...back[0] }.text).toBe(chunks[0].text);
    expect(JSON.parse(JSON.stringify(back[1]))).toEqual(chunks[1]);
    expect('heading' in back[1]).toBe(false);
  });

  it('keeping no decoded text (as the ingest reads it), reads the same texts every time', async () => {
    const dir = await tmp();
    await writeChunkStore(dir, chunks);
    const back = await readChunkStore(dir, { keepTexts: 0 });
    for (let pass = 0; pass < 2; pass++) expect(back.map((c) => c.text)).toEqual(chunks.map((c) => c.text));
    expect(back).toEqual(chunks);
  });

  it('written in several batches (as the ingest streams it), is the same store as written at once', async () => {
    // Enough text to cross the writer's 4 MB flush more than once.
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...chunks[i % 3], id: `c${i}`, ord: i, text: `${chunks[i % 3].text} ${'đoạn văn '.repeat(i % 700)}` }));
    const whole = await tmp();
    await writeChunkStore(whole, many);
    const streamed = await tmp();
    const writer = await ChunkStoreWriter.open(streamed);
    for (let i = 0; i < many.length; i += 7 + (i % 300)) await writer.add(many.slice(i, i + 7 + (i % 300)));
    await writer.add([]);
    await writer.close();
    expect(writer.count).toBe(many.length);
    for (const f of ['chunks.json', 'chunks.idx', 'chunks.rec', 'chunks.txt', 'chunks.off']) {
      expect((await readFile(path.join(streamed, f))).equals(await readFile(path.join(whole, f)))).toBe(true);
    }
    expect(await readChunkStore(streamed)).toEqual(many);
  });

  it('rejects a store whose files disagree', async () => {
    for (const [file, content] of [
      ['chunks.txt', 'short'],
      ['chunks.rec', '["a1"]'],
      ['chunks.idx', new Uint8Array(16)],
      ['chunks.idx', new Uint8Array(13)],
    ] as const) {
      const dir = await tmp();
      await writeChunkStore(dir, chunks);
      await writeFile(path.join(dir, file), content);
      await expect(readChunkStore(dir), file).rejects.toBeInstanceOf(ChunkStoreFormatError);
    }
  });

  it('reads texts from its file when asked for, not at opening: a file cut after opening is a typed error, not a wrong text', async () => {
    const dir = await tmp();
    await writeChunkStore(dir, chunks);
    const back = await readChunkStore(dir, { keepTexts: 0 });
    expect(back[0].text).toBe(chunks[0].text);
    await truncate(path.join(dir, 'chunks.txt'), 10);
    expect(() => back[1].text).toThrow(ChunkStoreFormatError);
    // Fields other than the text are in memory.
    expect(back[1].id).toBe('a2');
  });

  it('still opens a store of format 1 (every record in chunks.json, texts read whole)', async () => {
    const dir = await tmp();
    const bytes = chunks.map((c) => Buffer.from(c.text, 'utf8'));
    const offsets = [0];
    for (const b of bytes) offsets.push(offsets[offsets.length - 1] + b.byteLength);
    await writeFile(path.join(dir, 'chunks.txt'), Buffer.concat(bytes));
    await writeFile(path.join(dir, 'chunks.off'), new Uint8Array(Float64Array.from(offsets).buffer));
    const docs = [
      { docId: 'luat/a.txt', title: 'Luật A', number: '1/2020/QH14', type: 'Luật' },
      { docId: 'tin/b.md', title: 'Tin B', type: 'Tin tức' },
    ];
    const meta = {
      format: 'vks-chunks/1',
      count: 3,
      docs,
      id: ['a1', 'a2', 'b1'],
      doc: [0, 0, 1],
      ord: [0, 1, 0],
      locator: ['Điều 1', null, null],
      article: ['1', null, null],
      heading: ['Điều 1. Phạm vi điều chỉnh', null, 'Tập huấn 😀'],
    };
    await writeFile(path.join(dir, 'chunks.json'), JSON.stringify(meta));
    const back = await readChunkStore(dir);
    expect(back).toEqual(chunks);
    expect('locator' in back[1]).toBe(false);
  });

  it('still opens a version written before it (chunks in the LangChain docstore, base64 BM25)', async () => {
    const dir = await tmp();
    await mkdir(path.join(dir, 'hnswlib'));
    const docstore = chunks.map((c, i) => {
      const { text, ...metadata } = c;
      return [String(i), { pageContent: text, metadata }];
    });
    await writeFile(path.join(dir, 'hnswlib', 'docstore.json'), JSON.stringify(docstore));
    await writeFile(path.join(dir, 'lexical.json'), JSON.stringify(BM25Index.build(lexicalDocs(chunks)).toJSON()));
    await writeFile(path.join(dir, 'embedder.json'), 'null');
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ ...emptyManifest('src'), chunkCount: chunks.length }));
    const index = await loadIndexVersion(dir, null, { graph: false });
    expect(index.chunks).toEqual(chunks);
    expect(index.lexical.search(['kiem'], 5).map((h) => h.id)).toContain('a1');
  });
});
