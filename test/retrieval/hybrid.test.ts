import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../core/types.js';
import { inMemoryRetriever } from '../support/in-memory-retriever.js';

const laws = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus', 'laws');

/** Naive split of a law file at "Điều N." lines: one chunk per article. */
function articles(file: string, docId: string, title: string, number: string): Chunk[] {
  const text = readFileSync(resolve(laws, file), 'utf8');
  const parts = text.split(/\n(?=Điều \d+\.)/u).slice(1);
  return parts.map((p, ord) => {
    const [heading, ...body] = p.split('\n');
    return { id: `${docId}#${ord}`, docId, text: body.join('\n').trim(), heading, article: heading.match(/\d+/)![0], ord, title, number, type: 'Luật' };
  });
}

describe('HybridRetriever on Luật Tổ chức VKSND 2014', () => {
  const vks = articles('luat-to-chuc-vien-kiem-sat-nhan-dan-2014.txt', 'vksnd', 'Luật Tổ chức Viện kiểm sát nhân dân', '63/2014/QH13');
  const cqdt = articles('luat-to-chuc-co-quan-dieu-tra-hinh-su-2015.txt', 'cqdt', 'Luật Tổ chức cơ quan điều tra hình sự', '99/2015/QH13');
  const r = inMemoryRetriever([...vks, ...cqdt]);

  const cases: [string, string][] = [
    ['nhiem ky cua kiem sat vien la bao lau', '82'],
    ['KSV không được làm những việc gì?', '84'],
    ['ngay truyen thong cua nganh kiem sat la ngay nao', '11'],
    ['muốn được bổ nhiệm kiểm sát viên cao cấp cần tiêu chuẩn gì', '79'],
    ['kiem sat vien bi cach chuc trong truong hop nao', '89'],
    ['tiền lương của người làm việc ở viện kiểm sát', '95'],
  ];
  for (const [q, article] of cases) {
    it(`finds Điều ${article} for "${q}" in the top 3`, async () => {
      const hits = await r.retrieve(q, 3);
      expect(hits.map((h) => `${h.item.docId}:${h.item.article}`)).toContain(`vksnd:${article}`);
    });
  }

  it('returns sorted scores and a coverage in [0, 1] that is higher for a matching question', async () => {
    const good = await r.retrieve('nhiệm kỳ của Kiểm sát viên', 5);
    const scores = good.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const h of good) expect(h.coverage).toBeGreaterThanOrEqual(0);
    expect(good[0].coverage).toBeGreaterThan(0.9);
    const off = await r.retrieve('giá vé máy bay đi Đà Nẵng tháng này', 5);
    expect(off[0]?.coverage ?? 0).toBeLessThan(0.5);
  });

  it('boosts the document named by its number', async () => {
    const generic = 'nhiệm vụ, quyền hạn của thủ trưởng cơ quan điều tra';
    const named = await r.retrieve(`${generic} theo Luật 63/2014/QH13`, 5);
    expect(named[0].item.docId).toBe('vksnd');
    const other = await r.retrieve(`${generic} theo Luật 99/2015/QH13`, 5);
    expect(other[0].item.docId).toBe('cqdt');
  });

  it('boosts a bare reference ("luật 99")', async () => {
    const hits = await r.retrieve('luat 99 quy dinh gi ve dieu tra vien', 3);
    expect(hits.every((h) => h.item.docId === 'cqdt')).toBe(true);
  });

  it('works as a LangChain retriever', async () => {
    const docs = await r.asLangChainRetriever(2).invoke('tuyên thệ của kiểm sát viên');
    expect(docs).toHaveLength(2);
    expect(docs[0].metadata.article).toBe('85');
    expect(docs[0].pageContent).toContain('Tuyên thệ');
    expect(typeof docs[0].metadata.coverage).toBe('number');
  });
});

describe('vectorSearchFromStore', () => {
  it('turns a cosine-distance store into similarity scores over chunk indices', async () => {
    const { Document } = await import('@langchain/core/documents');
    const { vectorSearchFromStore } = await import('../../core/retrieval/hybrid.js');
    const store = {
      async similaritySearchVectorWithScore() {
        return [
          [new Document({ pageContent: 'a', metadata: { index: 3 } }), 0.1],
          [new Document({ pageContent: 'b', metadata: {} }), 0.2],
        ] as [InstanceType<typeof Document>, number][];
      },
    };
    const search = vectorSearchFromStore(store, (d) => d.metadata.index as number | undefined);
    const hits = await search([1, 0], 2);
    expect(hits).toHaveLength(1);
    expect(hits[0].index).toBe(3);
    expect(hits[0].score).toBeCloseTo(0.9);
  });
});
