import { describe, expect, it } from 'vitest';
import { Embeddings } from '@langchain/core/embeddings';
import { DEFAULT_EMBEDDINGS, LocalEmbeddings, dot, hash32, textFeatures } from '../../core/retrieval/embeddings.js';
import { FeatureTable, MAX_PROBES } from '../../core/retrieval/feature-table.js';

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

describe('feature hashing as read (FeatureTable)', () => {
  const texts = [
    ...corpus,
    'Điều 10. Nhiệm vụ, quyền hạn — KSV, Viện KSND; "kiemsat" 2024/QH15 và 29/2018/QH14, 29/2018/QH14!',
    'a a a a b b đ Đ ĐĐ 123 x1 ', // repeated features, one-letter tokens, numbers
    'Tập huấn 😀 chuyển đổi số\n\n-- cuối --',
    '',
  ];

  it('reads the same features, weights and order as the string-keyed textFeatures', () => {
    const table = new FeatureTable();
    for (const text of texts) {
      const ref = [...textFeatures(text, DEFAULT_EMBEDDINGS.weights)];
      table.read(text, DEFAULT_EMBEDDINGS.weights);
      expect(table.size).toBe(ref.length);
      ref.forEach(([key, count], f) => {
        expect(table.counts[f]).toBe(count);
        for (let s = 0; s <= MAX_PROBES; s++) expect(table.hashes[f * 5 + s]).toBe(hash32(key, s));
      });
    }
  });

  it('gives the vectors of the plain formula over textFeatures', () => {
    const e = new LocalEmbeddings({ dimensions: 64 });
    const { probes } = e.options;
    for (const text of texts) {
      const v = new Float32Array(64);
      for (const [k, c] of textFeatures(text, e.options.weights)) {
        const w = 1 + Math.log(c);
        if (w <= 0) continue;
        for (let p = 0; p < probes; p++) {
          const x = hash32(k, p + 1);
          v[x % 64] += x & 0x80000000 ? -w : w;
        }
      }
      const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0));
      const got = e.embed(text);
      for (let i = 0; i < 64; i++) expect(got[i]).toBeCloseTo(norm ? v[i] / norm : 0, 6);
    }
  });
});
