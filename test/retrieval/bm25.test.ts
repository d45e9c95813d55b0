import { describe, expect, it } from 'vitest';
import { BM25FormatError, BM25Index, bm25BinaryWindows, bm25FromBinary, bm25ToBinary } from '../../core/retrieval/bm25.js';
import { analyzeQuery } from '../../core/retrieval/analyze.js';

const docs = [
  { id: 'a', text: 'Viện kiểm sát nhân dân thực hành quyền công tố và kiểm sát hoạt động tư pháp.' },
  { id: 'b', text: 'Kiểm sát viên phải tuyên thệ khi được bổ nhiệm lần đầu.', heading: 'Tuyên thệ của Kiểm sát viên' },
  { id: 'c', text: 'Tòa án nhân dân xét xử công khai, trừ trường hợp đặc biệt.' },
  { id: 'd', text: 'Kinh phí hoạt động của Viện kiểm sát do ngân sách nhà nước bảo đảm. Kinh phí được lập dự toán.' },
];

describe('BM25 index', () => {
  const idx = BM25Index.build(docs);

  it('ranks the document that matches the query best first', () => {
    const hits = idx.search(analyzeQuery('kiem sat vien tuyen the').terms, 3);
    expect(hits[0].id).toBe('b');
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((x, y) => y - x));
    expect(idx.search(analyzeQuery('kinh phi').terms, 1)[0].id).toBe('d');
  });

  it('returns nothing for unknown terms and respects k', () => {
    expect(idx.search(['khongcotrongkho'], 5)).toEqual([]);
    expect(idx.search(analyzeQuery('nhân dân').terms, 2)).toHaveLength(2);
  });

  it('rarer terms weigh more (idf)', () => {
    expect(idx.idfOf('tuyen')).toBeGreaterThan(idx.idfOf('kiem'));
    expect(idx.idfOf('nope')).toBe(0);
  });

  it('heading matches count', () => {
    // "tuyen the" is in b's heading and body; doubling the heading weight must not lower its score.
    const heavy = BM25Index.build(docs, { fieldWeights: { body: 1, heading: 3, title: 0 } });
    const s1 = idx.search(['tuyen'], 1)[0];
    const s2 = heavy.search(['tuyen'], 1)[0];
    expect(s1.id).toBe('b');
    expect(s2.score).toBeGreaterThan(s1.score);
  });

  it('scoreDocs gives the very floats search gives (the retriever mixes the two)', () => {
    const terms = [...analyzeQuery('viện kiểm sát').terms, 'sát', 'viện'];
    const hits = idx.search(terms, 4);
    const scores = idx.scoreDocs(terms, hits.map((h) => h.index));
    hits.forEach((h, i) => expect(scores[i]).toBe(h.score));
  });

  it('round-trips through JSON with identical results', () => {
    const copy = BM25Index.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
    const terms = analyzeQuery('công tố tư pháp').terms;
    expect(copy.search(terms, 4)).toEqual(idx.search(terms, 4));
    expect(() => BM25Index.fromJSON({ ...idx.toJSON(), format: 'x' } as never)).toThrow(BM25FormatError);
  });

  it('round-trips through the binary form, from aligned and unaligned buffers alike', () => {
    const { header, pieces } = bm25ToBinary(idx);
    const blob = new Uint8Array(Buffer.concat(pieces));
    const terms = analyzeQuery('công tố tư pháp').terms;
    const shifted = new Uint8Array(blob.byteLength + 3);
    shifted.set(blob, 3);
    for (const bytes of [blob, shifted.subarray(3)]) {
      const copy = bm25FromBinary(JSON.parse(JSON.stringify(header)), bytes);
      expect(copy.search(terms, 4)).toEqual(idx.search(terms, 4));
      expect(copy.toJSON()).toEqual(idx.toJSON());
    }
    expect(() => bm25FromBinary(header, blob.subarray(8))).toThrow(BM25FormatError);
  });

  it("stores each term's largest impact, read in place; a file written before the table works it out", () => {
    const { header, pieces } = bm25ToBinary(idx);
    const blob = new Uint8Array(Buffer.concat(pieces));
    const copy = bm25FromBinary(JSON.parse(JSON.stringify(header)), blob);
    expect(header.lengths.maxImpact).toBe(idx.maxImpacts().length);
    expect(copy.maxImpacts().buffer).toBe(blob.buffer);
    expect(Array.from(copy.maxImpacts())).toEqual(Array.from(idx.maxImpacts()));
    // The layout before the table: the same arrays, the file ending after the accented counts.
    const { maxImpact: _, ...older } = header.lengths;
    const oldBytes = blob.byteLength - 8 * Math.ceil((2 * idx.maxImpacts().length) / 8);
    const old = bm25FromBinary({ ...header, lengths: older }, blob.slice(0, oldBytes));
    expect(old.maxImpacts().buffer).not.toBe(blob.buffer);
    expect(Array.from(old.maxImpacts())).toEqual(Array.from(idx.maxImpacts()));
    const terms = analyzeQuery('công tố tư pháp').terms;
    expect(old.search(terms, 4)).toEqual(idx.search(terms, 4));
  });

  it('written a window of terms at a time, is the binary form byte for byte, whatever the window', () => {
    // Enough documents and repeated terms for lists longer than the smallest windows.
    const many = Array.from({ length: 60 }, (_, i) => ({ ...docs[i % docs.length], id: `x${i}`, title: i % 3 ? `Luật số ${i}/2020/QH14` : undefined }));
    const { header, pieces } = bm25ToBinary(BM25Index.build(many));
    const whole = Buffer.concat(pieces);
    for (const window of [1, 7, 100, 1 << 23]) {
      const w = bm25BinaryWindows(many, {}, window);
      const out = new Uint8Array(w.total);
      let n = 0;
      for (const { at, bytes } of w.pieces) {
        out.set(bytes, at);
        n++;
      }
      expect(Buffer.from(out).equals(whole)).toBe(true);
      expect(JSON.stringify(w.header)).toBe(JSON.stringify(header));
      if (window === 7) expect(n).toBeGreaterThan(4);
    }
  });

  it('lists the documents holding every given term', () => {
    expect(idx.docsWithAll(['kiem', 'sat'])).toEqual([0, 1, 3]);
    expect(idx.docsWithAll(['kinh', 'phi', 'vien'])).toEqual([3]);
    expect(idx.docsWithAll(['kiem', 'khongcotrongkho'])).toEqual([]);
  });

  it('refuses to serialise an index built with a custom tokenizer', () => {
    const custom = BM25Index.build(docs, {}, (t) => t.split(' '));
    expect(() => custom.toJSON()).toThrow(BM25FormatError);
  });
});

describe('pruned top-k search', () => {
  // A skewed vocabulary (a few syllables in most documents, many rare ones): with a few rare
  // query terms and k = 10, most of these queries stop walking the common syllables' lists
  // (37 of 40 when written), so the pruned path is what is compared with full scoring.
  let seed = 7;
  const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const common = ['vien', 'kiem', 'sat', 'nhan', 'dan', 'co', 'quan', 'thuc', 'hien'];
  const rare = Array.from({ length: 400 }, (_, i) => `tu${i}`);
  const corpus = Array.from({ length: 3000 }, (_, d) => {
    const words: string[] = [];
    for (const w of common) if (rand() < 0.8) words.push(w);
    const extra = 3 + Math.floor(rand() * 20);
    for (let j = 0; j < extra; j++) words.push(rare[Math.floor(Math.pow(rand(), 2) * rare.length)]);
    return { id: `d${d}`, text: words.join(' ') };
  });
  const big = BM25Index.build(corpus, {}, (t) => t.split(' '));
  const all = corpus.map((_, i) => i);

  it('returns exactly the top k of scoring every document', () => {
    for (let q = 0; q < 40; q++) {
      const terms = [...common.slice(0, 4 + (q % 6)), rare[q % 10], rare[(q * 3) % 20], rare[(q * 7) % 400]];
      const scores = big.scoreDocs(terms, all);
      const expected = all
        .filter((i) => scores[i] > 0)
        .sort((a, b) => scores[b] - scores[a] || a - b)
        .slice(0, 10);
      const hits = big.search(terms, 10);
      expect(hits.map((h) => h.index)).toEqual(expected);
      hits.forEach((h) => expect(h.score).toBe(scores[h.index]));
    }
  });
});

describe('BM25 build', () => {
  it('stores every posting as scoring each field count directly would (large counts and term ids included)', () => {
    // Counts past what one packed byte holds (body ≥ 15, heading and title ≥ 3, up to the 65535
    // cap) and term ids past one and two varint bytes.
    let seed = 11;
    const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const vocab = Array.from({ length: 20_000 }, (_, i) => `t${i}`);
    const field = (max: number) => {
      const words: string[] = [];
      const distinct = 1 + Math.floor(rand() * 30);
      for (let j = 0; j < distinct; j++) {
        const w = vocab[Math.floor(rand() * vocab.length)];
        const r = rand();
        const reps = r < 0.6 ? 1 : r < 0.8 ? 2 + Math.floor(rand() * 3) : 1 + Math.floor(rand() * max);
        for (let k = 0; k < reps; k++) words.push(w);
      }
      return words.join(' ');
    };
    const corpus = Array.from({ length: 300 }, (_, d) => ({ id: `d${d}`, text: field(300), heading: d % 3 ? field(40) : undefined, title: field(20) }));
    corpus[7].text += ' t5'.repeat(66_000); // past the 65535 cap
    corpus[7].title += ' t6'.repeat(300);
    const tok = (t: string) => t.split(' ');
    const { vocab: terms, offsets, docs, impacts } = BM25Index.build(corpus, {}, tok).parts();
    const o = { k1: 1.2, b: 0.75, bShort: 0.3, weights: [1, 2, 0.5] };
    const fields = corpus.map((c) => [c.text, c.heading, c.title].map((t) => (t ? tok(t) : [])));
    const avg = [0, 1, 2].map((f) => fields.reduce((s, x) => s + x[f].length, 0) / corpus.length);
    const expected = new Map<string, number>();
    fields.forEach((fs, d) => {
      const counts = new Map<string, number[]>();
      fs.forEach((words, f) => {
        for (const w of words) {
          const c = counts.get(w) ?? [0, 0, 0];
          c[f] = Math.min(c[f] + 1, 65535);
          counts.set(w, c);
        }
      });
      const norms = [0, 1, 2].map((f) => 1 - (f ? o.bShort : o.b) + ((f ? o.bShort : o.b) * fs[f].length) / avg[f]);
      for (const [w, c] of counts) {
        let tf = 0;
        for (let f = 0; f < 3; f++) if (c[f] > 0) tf += (o.weights[f] * c[f]) / norms[f];
        expected.set(`${w} ${d}`, Math.max(1, Math.round((tf / (o.k1 + tf)) * 65535)));
      }
    });
    const wrong: string[] = [];
    let postings = 0;
    terms.forEach((w, t) => {
      for (let p = offsets[t]; p < offsets[t + 1]; p++) {
        if (p > offsets[t] && docs[p] <= docs[p - 1]) wrong.push(`${w}: documents out of order`);
        if (impacts[p] !== expected.get(`${w} ${docs[p]}`)) wrong.push(`${w} in d${docs[p]}: ${impacts[p]} ≠ ${expected.get(`${w} ${docs[p]}`)}`);
        postings++;
      }
    });
    expect(wrong).toEqual([]);
    expect(postings).toBe(expected.size);
  });
});

describe('accented-syllable frequencies', () => {
  const acc = BM25Index.build([
    { id: 'x', text: 'Hợp đồng thuê nhà phải lập thành văn bản.' },
    { id: 'y', text: 'Bên thuê trả tiền thuê đúng hạn.' },
    { id: 'z', text: 'Kiểm sát viên được bổ nhiệm.', heading: 'Thuế' },
  ]);

  it('tells syllables apart that fold to the same index term', () => {
    expect(acc.knowsAccented('thuê')).toBe(true);
    expect(acc.knowsAccented('thuề')).toBe(false);
    expect(acc.idfOfAccented('thuề')).toBe(0);
    // "thuê" is in two documents, "thuế" (a heading) in one: the rarer one weighs more.
    expect(acc.idfOfAccented('thuế')).toBeGreaterThan(acc.idfOfAccented('thuê'));
    expect(acc.idfOfAccented('THUÊ')).toBe(acc.idfOfAccented('thuê'));
    expect(acc.idfOfAccented('thuê'.normalize('NFD'))).toBe(acc.idfOfAccented('thuê'));
  });

  it('is on the scale of idfOf and leaves idfOf on folded terms unchanged', () => {
    // Every document holding "bổ" holds "bo" folded, and no other: the same frequency.
    expect(acc.idfOfAccented('bổ')).toBeCloseTo(acc.idfOf('bo'), 5);
    expect(acc.idfOf('thue')).toBeLessThan(acc.idfOfAccented('thuế'));
    expect(acc.accentAware).toBe(true);
  });

  it('survives a JSON round trip, and an index saved without the table falls back to folded terms', () => {
    const back = BM25Index.fromJSON(JSON.parse(JSON.stringify(acc.toJSON())));
    expect(back.knowsAccented('thuế')).toBe(true);
    expect(back.knowsAccented('thuề')).toBe(false);
    expect(back.idfOfAccented('thuế')).toBe(acc.idfOfAccented('thuế'));
    const { accented: _dropped, ...old } = acc.toJSON();
    const legacy = BM25Index.fromJSON(old);
    expect(legacy.accentAware).toBe(false);
    expect(legacy.knowsAccented('thuề')).toBe(true);
    expect(legacy.idfOfAccented('thuề')).toBe(legacy.idfOf('thue'));
  });
});
