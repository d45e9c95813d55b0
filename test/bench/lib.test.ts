/** The bench's pure parts: statistics, targets, dev-set hit rule, synthetic corpus, figure assessment. */
import { describe, expect, it } from 'vitest';
import { percentile, summarize } from '../../bench/lib/stats.js';
import { aheadOf, atLeast, atMost, exactly, fasterThan, renderFigures, tally } from '../../bench/lib/figures.js';
import { firstHit, passageMatches, rankMetrics } from '../../bench/lib/devset-retrieval.js';
import { rng, syntheticDocument, type SentencePool } from '../../bench/lib/synthetic.js';
import { assess, heldOutSplits } from '../../bench/lib/assess.js';
import { messageActivity } from '../../bench/lib/load.js';
import { checkActivity } from '../../bot/activity-validation.js';

describe('stats', () => {
  it('nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });
  it('summarize sorts a copy and averages', () => {
    const s = summarize([3, 1, 2]);
    expect(s).toMatchObject({ n: 3, mean: 2, p50: 2, max: 3 });
  });
});

describe('targets', () => {
  it('bounds', () => {
    expect(atMost(5, 5).ok).toBe(true);
    expect(atMost(5.01, 5).ok).toBe(false);
    expect(atMost(null, 5).ok).toBe(false);
    expect(atLeast(0.5, 0.5).ok).toBe(true);
    expect(atLeast(0.49, 0.5).ok).toBe(false);
    expect(exactly(0, 0).ok).toBe(true);
    expect(exactly(1, 0).ok).toBe(false);
  });
  it('beating peers is strict and ignores a missing peer', () => {
    expect(aheadOf(0.8, { b: 0.7, c: 0.79 }).ok).toBe(true);
    expect(aheadOf(0.8, { b: 0.8 }).ok).toBe(false);
    expect(aheadOf(0.8, { b: null, c: 0.1 }).ok).toBe(true);
    expect(fasterThan(2, { b: 3 }).ok).toBe(true);
    expect(fasterThan(3, { b: 3 }).ok).toBe(false);
  });
  it('renders one row per figure with its mark, and tallies', () => {
    const figs = [
      { section: 'S', name: 'a', value: 1, unit: 'ms', target: atMost(1, 2, 'ms') },
      { section: 'S', name: 'b', value: 3, unit: 'ms', target: atMost(3, 2, 'ms') },
      { section: 'S', name: 'c', value: null, unit: '' },
    ];
    const md = renderFigures(figs);
    expect(md).toContain('| a | 1 ms | ≤ 2 ms | ✓ |');
    expect(md).toContain('| b | 3 ms | ≤ 2 ms | ✗ |');
    expect(md).toContain('| c | n/a |');
    expect(tally(figs)).toEqual({ met: 1, missed: 1 });
  });
});

describe('dev-set hit rule', () => {
  const expect1 = { sources: ['knowledge/luat/luat-to-cao-2018.txt'], locator: 'Điều 10' };
  it('needs an expected source, with or without the knowledge/ prefix', () => {
    expect(passageMatches({ source: 'luat/luat-to-cao-2018.txt', text: 'x', locator: 'Chương II > Điều 10' }, expect1)).toBe(true);
    expect(passageMatches({ source: 'luat/luat-khieu-nai-2011.txt', text: 'x', locator: 'Điều 10' }, expect1)).toBe(false);
  });
  it('matches the article exactly, by locator or by a heading line in the text', () => {
    expect(passageMatches({ source: 'luat/luat-to-cao-2018.txt', text: 'x', locator: 'Điều 100' }, expect1)).toBe(false);
    expect(passageMatches({ source: 'luat/luat-to-cao-2018.txt', text: 'Mở đầu\nĐiều 10. Thời hạn giải quyết tố cáo\n1. ...' }, expect1)).toBe(true);
    expect(passageMatches({ source: 'luat/luat-to-cao-2018.txt', text: 'theo quy định tại Điều 10 của Luật này' }, expect1)).toBe(false);
    expect(passageMatches({ source: 'luat/luat-to-cao-2018.txt', text: 'dieu 10. khong dau' }, expect1)).toBe(true);
  });
  it('ranks and metrics', () => {
    const src = { sources: ['a.md'] };
    expect(firstHit([{ source: 'b.md', text: '' }, { source: 'a.md', text: '' }], src)).toBe(2);
    expect(firstHit([{ source: 'b.md', text: '' }], src)).toBeNull();
    expect(rankMetrics([1, 2, null, 6])).toEqual({ n: 4, r1: 0.25, r5: 0.5, r10: 0.75, mrr10: (1 + 0.5 + 1 / 6) / 4 });
  });
});

describe('synthetic documents', () => {
  const pool: SentencePool = {
    sentences: ['Viện kiểm sát nhân dân thực hành quyền công tố theo quy định của pháp luật.', 'Thời hạn giải quyết khiếu nại không quá 30 ngày kể từ ngày thụ lý.'],
    headings: ['Nhiệm vụ, quyền hạn', 'Thời hạn giải quyết'],
  };
  it('are deterministic for a seed and laid out as articles', () => {
    const a = syntheticDocument(pool, 1, 5, rng(42));
    const b = syntheticDocument(pool, 1, 5, rng(42));
    expect(a).toEqual(b);
    expect(a.text.match(/^Điều \d+\. /gmu)?.length).toBe(5);
    expect(a.text).toMatch(/^Số: \d+\/\d{4}\/[A-ZĐ-]+$/mu);
    expect(syntheticDocument(pool, 1, 5, rng(43)).text).not.toBe(a.text);
  });
});

describe('assessment', () => {
  it('reports held-out splits only', () => {
    const row = (benchmark: string, split: string) => ({ benchmark, split, system: 'hybrid', n: 1, r1: 1, r5: 1, r10: 1, mrr10: 1 });
    expect(heldOutSplits([row('x', 'train'), row('x', 'test'), row('y', 'train'), row('y', 'train-dev'), row('y', 'train-heldout')])).toEqual([
      { benchmark: 'x', split: 'test' },
      { benchmark: 'y', split: 'train-heldout' },
    ]);
  });
  it('holds the 10k size to 5 ms p95 and the service to half the echo bot', () => {
    const ask = (p95: number) => ({ n: 1, mean: p95, p50: p95, p95, p99: p95, max: p95 });
    const measure = (p95: number) => ({ chunks: 10_000, loadMs: 100, rssAfterLoadMB: 100, peakRssMB: 100, ask: ask(p95), outcomes: { answered: 1, abstained: 0, refused: 0 } });
    const load = (rps: number) => ({ requests: 10, seconds: 1, rps, latencyMs: ask(50), errors: 0, timeouts: 0, non2xx: 0, rssStartMB: 1, rssEndMB: 1, heapWarmMB: 50, heapEndMB: rps > 50 ? 50.5 : 60 });
    const run = (loadSeconds: number) => assess({
      schema: 'vks-bench/1',
      takenAt: '',
      quick: false,
      durationS: 1,
      machine: { cpu: 'x', cores: 2, ramGiB: 1, node: 'v20', platform: 'x', commit: null, dirty: false },
      plan: { sizes: [10_000], loadSeconds: 1, connections: 1, asks: 1, benchmarks: [] },
      speed: [{ size: 10_000, corpus: {} as never, ours: { measure: measure(6) }, peer: { measure: measure(7) } }],
      load: { seconds: loadSeconds, connections: 1, mix: { answerable: 1, offTopic: 0, attacks: 0 }, ours: load(40), echo: load(100) },
      errors: [],
    });
    const figs = run(1);
    const byTarget = (text: string) => figs.find((f) => f.target?.text === text);
    expect(byTarget('≤ 5 ms')?.target?.ok).toBe(false);
    expect(figs.find((f) => f.name.startsWith('ask p95') && f.target?.text.startsWith('<'))?.target?.ok).toBe(true);
    expect(figs.find((f) => f.name === 'throughput ratio to the bare echo bot')).toMatchObject({ value: 0.4, target: { ok: false } });
    // 10 MB kept over the run's last two thirds is growth; the echo bot's 0.5 MB is noise.
    // A one-second smoke load is too short to judge; over a minute, 10 MB kept is growth (the echo bot's 0.5 MB is noise).
    expect(figs.find((f) => f.name.startsWith('heap retained'))).toMatchObject({ value: 10, target: undefined, note: '50.0 → 60.0 MB; echo bot +0.5 MB' });
    expect(run(60).find((f) => f.name.startsWith('heap retained'))?.target?.ok).toBe(false);
  });
});

describe('load activity', () => {
  it('passes the service activity validation and asks for replies in the response', () => {
    const a = messageActivity('Viện kiểm sát có chức năng gì?', 7);
    expect(checkActivity(a)).toEqual({ ok: true });
    expect(a.deliveryMode).toBe('expectReplies');
    expect(messageActivity('x', 8).from).not.toEqual(a.from);
  });
});
