import { describe, expect, it } from 'vitest';
import { Embeddings } from '@langchain/core/embeddings';
import { LocalEmbeddings, dot } from '../../core/retrieval/embeddings.js';

const corpus = [
  'Kiểm sát viên có nhiệm kỳ 05 năm kể từ ngày được bổ nhiệm.',
  'Kế hoạch 221/KH-VKSTC về chuyển đổi số trong ngành Kiểm sát nhân dân.',
  'Tòa án nhân dân xét xử công khai.',
  'Cơ quan điều tra tiến hành khởi tố vụ án hình sự.',
  'Quyết định 390/QĐ-VKSTC thành lập Ban Chỉ đạo.',
];

describe('LocalEmbeddings', () => {
  const emb = new LocalEmbeddings({ dimensions: 256 }).fit(corpus);

  it('is a LangChain Embeddings with the configured, normalised dimension', async () => {
    expect(emb).toBeInstanceOf(Embeddings);
    const v = await emb.embedQuery('nhiệm kỳ kiểm sát viên');
    expect(v).toHaveLength(256);
    expect(dot(v, v)).toBeCloseTo(1, 5);
    const docs = await emb.embedDocuments(corpus);
    expect(docs).toHaveLength(corpus.length);
  });

  it('is deterministic across instances', async () => {
    const other = new LocalEmbeddings({ dimensions: 256 }).fit(corpus);
    expect(await other.embedQuery(corpus[0])).toEqual(await emb.embedQuery(corpus[0]));
    expect(other.modelId).toBe(emb.modelId);
  });

  it('puts an unaccented query closest to the accented document', () => {
    const q = emb.embed('nhiem ky cua kiem sat vien bao lau');
    const sims = corpus.map((c) => dot(q, emb.embed(c)));
    expect(sims.indexOf(Math.max(...sims))).toBe(0);
  });

  it('matches document numbers', () => {
    const q = emb.embed('221/KH-VKSTC');
    const sims = corpus.map((c) => dot(q, emb.embed(c)));
    expect(sims.indexOf(Math.max(...sims))).toBe(1);
  });

  it('changes modelId when the fitted state or configuration changes', () => {
    const unfitted = new LocalEmbeddings({ dimensions: 256 });
    expect(unfitted.modelId).not.toBe(emb.modelId);
    expect(new LocalEmbeddings({ dimensions: 512 }).modelId).not.toBe(unfitted.modelId);
    expect(new LocalEmbeddings({ dimensions: 256 }).fit(corpus.slice(1)).modelId).not.toBe(emb.modelId);
  });

  it('round-trips its fitted state', () => {
    const copy = LocalEmbeddings.fromJSON(JSON.parse(JSON.stringify(emb.toJSON())));
    expect(copy.modelId).toBe(emb.modelId);
    expect(Array.from(copy.embed(corpus[3]))).toEqual(Array.from(emb.embed(corpus[3])));
  });
});
