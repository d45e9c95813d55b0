/**
 * Turns measurements into figures held to the issue's targets. Pure: the same
 * results always give the same ✓/✗.
 */
import { aheadOf, atLeast, atMost, exactly, fasterThan, type Figure } from './figures.js';
import type { BenchResults, BeirRow, GuardTally } from './results.js';

const METRICS = [
  ['r1', 'R@1'],
  ['r5', 'R@5'],
  ['r10', 'R@10'],
  ['mrr10', 'MRR@10'],
] as const;

/** Splits reported as figures: never the ones the retriever was tuned on. */
export function heldOutSplits(rows: BeirRow[]): { benchmark: string; split: string }[] {
  const seen = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!seen.has(r.benchmark)) seen.set(r.benchmark, new Set());
    seen.get(r.benchmark)!.add(r.split);
  }
  const out: { benchmark: string; split: string }[] = [];
  for (const [benchmark, splits] of seen) {
    if (splits.has('test')) out.push({ benchmark, split: 'test' });
    else if (splits.has('train-heldout')) out.push({ benchmark, split: 'train-heldout' });
    else for (const split of splits) out.push({ benchmark, split });
  }
  return out;
}

const sizeLabel = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

export function assess(r: Omit<BenchResults, 'figures' | 'tally'>): Figure[] {
  const figs: Figure[] = [];
  const add = (f: Figure) => figs.push(f);

  if (r.quality) {
    const d = r.quality.devset;
    for (const [k, label] of METRICS) {
      add({
        section: 'Retrieval quality — dev set',
        name: `${label} ours (n=${d.ours.n})`,
        value: d.ours[k],
        unit: '',
        target: aheadOf(d.ours[k], { langchain: d.langchain[k], minisearch: d.minisearch[k] }),
      });
    }
  }
  if (r.beir) {
    for (const { benchmark, split } of heldOutSplits(r.beir)) {
      const row = (system: string) => r.beir!.find((x) => x.benchmark === benchmark && x.split === split && x.system === system);
      const ours = row('hybrid');
      const lc = row('langchain-default');
      const ms = row('minisearch');
      if (!ours) continue;
      for (const [k, label] of METRICS) {
        add({
          section: 'Retrieval quality — public benchmarks (held-out splits)',
          name: `${benchmark}/${split} ${label} ours (n=${ours.n})`,
          value: ours[k],
          unit: '',
          target: aheadOf(ours[k], { langchain: lc?.[k] ?? null, minisearch: ms?.[k] ?? null }),
        });
      }
    }
  }

  if (r.quality) {
    const a = r.quality.answers;
    const g = r.quality.guard;
    const sec = 'Answer quality — embedded default';
    add({ section: sec, name: `answers with the expected facts and a correct citation (n=${a.answerable})`, value: a.correct / (a.answerable || 1), unit: '' });
    add({ section: sec, name: 'answers with the expected facts', value: a.factsOk / (a.answerable || 1), unit: '' });
    add({ section: sec, name: 'answers citing an expected source', value: a.citationOk / (a.answerable || 1), unit: '' });
    add({ section: sec, name: `abstention accuracy on out-of-scope questions (n=${a.outOfScope})`, value: a.abstainedCorrectly / (a.outOfScope || 1), unit: '' });
    const u = r.quality.answersUnaccented;
    if (u) {
      add({ section: sec, name: `typed without accents: answers with the expected facts and a correct citation (n=${u.answerable})`, value: u.correct / (u.answerable || 1), unit: '' });
      add({ section: sec, name: `typed without accents: abstention accuracy on out-of-scope questions (n=${u.outOfScope})`, value: u.abstainedCorrectly / (u.outOfScope || 1), unit: '' });
    }
    const guardRates = (t: GuardTally, attacks: string, benign: string) => {
      add({ section: sec, name: `guard refusal rate, ${attacks} (n=${t.redTeam})`, value: t.redTeam ? t.refusedRedTeam / t.redTeam : null, unit: '' });
      add({ section: sec, name: `guard false-refusal rate, ${benign} (n=${t.benign})`, value: t.benign ? t.refusedBenign / t.benign : null, unit: '' });
    };
    guardRates(g, 'red-team examples', 'benign examples');
    if (g.heldOut) guardRates(g.heldOut, 'held-out attacks', 'held-out benign');
  }

  const speed = 'Speed and memory';
  if (r.guardTiming) {
    const t = r.guardTiming;
    add({ section: speed, name: `guard decision, mean per message (${t.n} decisions)`, value: t.mean, unit: 'ms', target: atMost(t.mean, 0.2, 'ms') });
    add({ section: speed, name: 'guard decision, p99', value: t.p99, unit: 'ms', target: atMost(t.p99, 0.2, 'ms') });
  }
  for (const s of r.speed) {
    const L = sizeLabel(s.size);
    const om = s.ours.measure;
    const pm = s.peer.measure;
    const ob = s.ours.build;
    const chunks = om?.chunks ?? ob?.chunks;
    const at = `@${L}${chunks ? ` (${chunks} chunks)` : ''}`;
    if (om) {
      for (const p of ['p50', 'p95', 'p99'] as const) {
        add({ section: speed, name: `ask ${p} ${at}`, value: om.ask[p], unit: 'ms', target: fasterThan(om.ask[p], { 'peer b': pm?.ask[p] ?? null }, 'ms') });
      }
      if (s.size === 10_000) add({ section: speed, name: `ask p95 ${at}`, value: om.ask.p95, unit: 'ms', target: atMost(om.ask.p95, 5, 'ms') });
      if (s.size === 100_000) add({ section: speed, name: `ask p95 ${at}`, value: om.ask.p95, unit: 'ms', target: atMost(om.ask.p95, 20, 'ms') });
      add({
        section: speed,
        name: `index load ${at}`,
        value: om.loadMs,
        unit: 'ms',
        target: s.size === 100_000 ? atMost(om.loadMs, 1000, 'ms') : undefined,
        note: pm ? `peer b ${Math.round(pm.loadMs)} ms` : undefined,
      });
      add({
        section: speed,
        name: `serving RSS, peak ${at}`,
        value: om.peakRssMB,
        unit: 'MB',
        target: s.size === 100_000 ? atMost(om.peakRssMB, 1024, 'MB') : undefined,
        note: pm ? `peer b ${Math.round(pm.peakRssMB)} MB` : undefined,
      });
    }
    if (ob) {
      const cached = ob.cached ? `build reused from ${ob.builtAt.slice(0, 16)}Z` : undefined;
      add({ section: speed, name: `ingest throughput ${at}`, value: ob.chunksPerS, unit: 'chunks/s', note: cached });
      add({ section: speed, name: `ingest throughput ${at}`, value: ob.mbPerS, unit: 'MB/s', note: cached });
      add({
        section: speed,
        name: `ingest peak RSS ${at}`,
        value: ob.peakRssMB,
        unit: 'MB',
        target: s.size === 100_000 ? atMost(ob.peakRssMB, 1024, 'MB') : undefined,
        note: cached,
      });
    }
  }

  const l = r.load;
  if (l?.ours) {
    const sec = `Service under load (${l.seconds} s, ${l.connections} connections, expectReplies)`;
    const o = l.ours;
    add({ section: sec, name: 'throughput, ours', value: o.rps, unit: 'req/s', note: l.echo ? `echo bot ${l.echo.rps.toFixed(0)} req/s` : undefined });
    if (l.echo) add({ section: sec, name: 'throughput ratio to the bare echo bot', value: o.rps / l.echo.rps, unit: '', target: atLeast(o.rps / l.echo.rps, 0.5) });
    add({ section: sec, name: 'latency p50', value: o.latencyMs.p50, unit: 'ms' });
    add({ section: sec, name: 'latency p95', value: o.latencyMs.p95, unit: 'ms' });
    add({ section: sec, name: 'latency p99', value: o.latencyMs.p99, unit: 'ms', target: atMost(o.latencyMs.p99, 100, 'ms') });
    const errors = o.errors + o.timeouts + o.non2xx;
    add({ section: sec, name: 'errors + timeouts + non-2xx', value: errors, unit: '', target: exactly(errors, 0) });
    add({ section: sec, name: 'server RSS at start', value: o.rssStartMB, unit: 'MB' });
    add({ section: sec, name: 'server RSS at end', value: o.rssEndMB, unit: 'MB' });
    // RSS moves with V8's heap sizing; what the run retains is the heap after a full collection.
    // "No growth beyond noise": the last two thirds of the run add at most 2 MB or 5 % to it.
    const growth = o.heapWarmMB !== null && o.heapEndMB !== null ? o.heapEndMB - o.heapWarmMB : null;
    const echoGrowth = l.echo && l.echo.heapWarmMB !== null && l.echo.heapEndMB !== null ? l.echo.heapEndMB - l.echo.heapWarmMB : null;
    add({
      section: sec,
      name: 'heap retained over the last two thirds (after full GC)',
      value: growth,
      unit: 'MB',
      // A smoke run's few seconds end before the caches are full: its figure is shown, not judged.
      target: l.seconds >= 30 ? atMost(growth, Math.max(2, 0.05 * (o.heapWarmMB ?? 0)), 'MB') : undefined,
      note: [
        `${o.heapWarmMB?.toFixed(1) ?? '–'} → ${o.heapEndMB?.toFixed(1) ?? '–'} MB`,
        echoGrowth !== null ? `echo bot ${echoGrowth >= 0 ? '+' : ''}${echoGrowth.toFixed(1)} MB` : '',
      ]
        .filter(Boolean)
        .join('; '),
    });
  }
  return figs;
}
