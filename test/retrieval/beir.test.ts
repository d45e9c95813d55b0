import { describe, expect, it } from 'vitest';
import { runBeir, toMarkdown } from '../../bench/beir.js';

describe('runBeir (quick)', () => {
  it('runs one benchmark and returns sane metrics for both systems', async () => {
    const results = await runBeir({ quick: true });
    expect(results.length).toBeGreaterThanOrEqual(2);
    for (const r of results) {
      expect(r.n).toBeGreaterThan(0);
      for (const m of [r.r1, r.r5, r.r10, r.mrr10]) {
        expect(m).toBeGreaterThanOrEqual(0);
        expect(m).toBeLessThanOrEqual(1);
      }
      expect(r.r1).toBeLessThanOrEqual(r.r5);
      expect(r.r5).toBeLessThanOrEqual(r.r10);
      // Any working retriever finds most gold articles in the top 10 on these small corpora.
      expect(r.r10).toBeGreaterThan(0.5);
    }
    expect(new Set(results.map((r) => r.system))).toEqual(new Set(['hybrid', 'bm25-baseline']));
    expect(toMarkdown(results)).toContain('| alqac2023 / test |');
    // Deterministic run: on this subset ours is far ahead (about 10 points of R@1), not a coin flip.
    for (const split of ['train', 'test']) {
      const of = (system: string) => results.find((r) => r.split === split && r.system === system)!;
      expect(of('hybrid').r1).toBeGreaterThanOrEqual(of('bm25-baseline').r1);
    }
  }, 300_000);
});
