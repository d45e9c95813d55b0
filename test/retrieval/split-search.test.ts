/** The lexical search split over two threads gives exactly the one-thread result. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BM25Index, bm25FromBinary, bm25ToBinary } from '../../core/retrieval/bm25.js';
import { mergeRanked, searchRange } from '../../core/retrieval/bm25-kernel.mjs';
import { analyzeQuery } from '../../core/retrieval/analyze.js';
import { SplitLexicalSearch } from '../../core/retrieval/split-search.js';
import { mapFile } from '../../core/retrieval/mapped-file.mjs';

let seed = 7;
const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const syllables = 'viện kiểm sát nhân dân tối cao quy định thời hạn giải quyết khiếu nại tố cáo hồ sơ vụ án hình sự chuyển đổi số ký văn bản điện tử kế hoạch mục tiêu'.split(' ');
const common = syllables.slice(0, 6);
// Repeated texts give equal scores: the merge must break ties as one search does (lower index first).
const texts = Array.from({ length: 3000 }, (_, i) => {
  if (i % 97 === 0) return 'kế hoạch chuyển đổi số của viện kiểm sát';
  const words = common.filter(() => rand() < 0.7);
  for (let j = 0, n = 2 + Math.floor(rand() * 25); j < n; j++) words.push(syllables[Math.floor(rand() ** 2 * syllables.length)]);
  return words.join(' ');
});
const built = BM25Index.build(texts.map((text, i) => ({ id: `c${i}`, text })));

/** The index's binary form whole, in the given memory. */
function binaryCopy(index: BM25Index, memory: (bytes: number) => ArrayBufferLike) {
  const { header, pieces } = bm25ToBinary(index);
  const blob = new Uint8Array(memory(pieces.reduce((s, p) => s + p.byteLength, 0)));
  let at = 0;
  for (const p of pieces) {
    blob.set(p, at);
    at += p.byteLength;
  }
  return { header, blob };
}

/** The index as the loader reads it where files cannot be mapped: its arrays in shared memory. */
function sharedCopy(index: BM25Index): BM25Index {
  const { header, blob } = binaryCopy(index, (n) => new SharedArrayBuffer(n));
  return bm25FromBinary(header, blob);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'vks-split-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The index as the loader reads it: its arrays views of the mapped file. */
function mappedCopy(index: BM25Index): BM25Index {
  const { header, blob } = binaryCopy(index, (n) => new ArrayBuffer(n));
  const file = path.join(scratch, 'lexical.bin');
  writeFileSync(file, blob);
  return bm25FromBinary(header, mapFile(file)!);
}

const questions = Array.from({ length: 60 }, (_, q) => {
  const words = Array.from({ length: 2 + (q % 9) }, () => syllables[Math.floor(rand() * syllables.length)]);
  return words.join(' ');
});

describe('BM25 search over document ranges', () => {
  it('two halves merged are the whole search, float for float, ties included', () => {
    const acc = new Float32Array(built.size);
    for (const k of [1, 10, 50]) {
      for (const q of questions) {
        const plan = built.flatPlan(analyzeQuery(q).terms);
        const whole = searchRange(built, plan, k, 0, built.size, acc);
        for (const cut of [1, 1234, built.size >> 1, built.size - 1]) {
          const merged = mergeRanked(searchRange(built, plan, k, 0, cut, acc), searchRange(built, plan, k, cut, built.size, acc), k);
          expect(Array.from(merged.indices)).toEqual(Array.from(whole.indices));
          expect(Array.from(merged.scores)).toEqual(Array.from(whole.scores));
        }
        expect(acc.every((x) => x === 0)).toBe(true);
      }
    }
  });
});

describe('split lexical search', () => {
  const index = sharedCopy(built);
  const split = SplitLexicalSearch.over(index, 1)!;
  afterAll(() => split?.retire());

  it('is offered only for an index whose arrays are shared (or mapped) and that is large enough', () => {
    expect(split).not.toBeNull();
    expect(SplitLexicalSearch.over(built, 1)).toBeNull();
    expect(SplitLexicalSearch.over(index, index.size + 1)).toBeNull();
  });

  it('finds what one thread finds, with searches in flight together', async () => {
    const runs = questions.map((q) => {
      const terms = analyzeQuery(q).terms;
      return { expected: index.search(terms, 20), started: split.begin(index.flatPlan(terms), 20) };
    });
    for (const { expected, started } of runs) expect(index.hitsOf(await started.finish())).toEqual(expected);
  });

  it('over a mapped index, the worker maps the file itself and finds what one thread finds', async () => {
    const mapped = mappedCopy(built);
    expect(mapped.docs.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    const overMapped = SplitLexicalSearch.over(mapped, 1)!;
    expect(overMapped).not.toBeNull();
    try {
      for (const q of questions.slice(0, 20)) {
        const terms = analyzeQuery(q).terms;
        expect(mapped.hitsOf(await overMapped.begin(mapped.flatPlan(terms), 20).finish())).toEqual(index.search(terms, 20));
      }
    } finally {
      overMapped.retire();
    }
  });

  it('walks the worker half itself once the worker is stopped', async () => {
    const alone = SplitLexicalSearch.over(index, 1)!;
    const terms = analyzeQuery(questions[3]).terms;
    const inFlight = alone.begin(index.flatPlan(terms), 10);
    alone.retire(); // the search already sent is still answered
    expect(index.hitsOf(await inFlight.finish())).toEqual(index.search(terms, 10));
    const after = alone.begin(index.flatPlan(terms), 10);
    expect(index.hitsOf(await after.finish())).toEqual(index.search(terms, 10));
  });
});
