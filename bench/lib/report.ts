/** Markdown for one run: the figures against their targets, then the detail tables. */
import { renderFigures } from './figures.js';
import type { BenchResults, MeasureFigures, BuildFigures } from './results.js';
import { SERVICE_ENV } from './child.js';

const f3 = (x: number | undefined | null) => (x === undefined || x === null || !Number.isFinite(x) ? '–' : x.toFixed(3));
const f1 = (x: number | undefined | null) => (x === undefined || x === null || !Number.isFinite(x) ? '–' : x.toFixed(1));
const f0 = (x: number | undefined | null) => (x === undefined || x === null || !Number.isFinite(x) ? '–' : Math.round(x).toString());

export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [
    `# vks-assistant bench${r.quick ? ' (--quick)' : ''}`,
    '',
    `Taken ${r.takenAt} in ${r.durationS.toFixed(0)} s on ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.platform}; commit ${m.commit ?? '?'}${m.dirty ? ' (with uncommitted changes)' : ''}. Every system runs with the service's allocator setting (${Object.entries(SERVICE_ENV).map(([k, v]) => `${k}=${v}`).join(' ')}).`,
    '',
    `Targets met: **${r.tally.met}**, missed: **${r.tally.missed}**. Sizes: ${r.plan.sizes.join(', ')} chunks; ${r.plan.asks} timed asks per size; load ${r.plan.loadSeconds} s × ${r.plan.connections} connections; benchmarks: ${r.plan.benchmarks.join(', ')}.`,
  ];
  if (r.errors.length) out.push('', '**Parts that could not be measured:**', '', ...r.errors.map((e) => `- ${e.replace(/\n/g, ' ')}`));
  out.push('', '## Figures and targets', renderFigures(r.figures));

  out.push('', '## Details');
  if (r.quality) {
    const d = r.quality.devset;
    out.push(
      '',
      `### Dev set retrieval (${d.retrievalItems} of ${d.items} items: those with expected sources and no history; index of ${r.quality.chunks} chunks)`,
      '',
      '| system | R@1 | R@5 | R@10 | MRR@10 |',
      '|---|---:|---:|---:|---:|',
      ...(
        [
          ['(a) ours', d.ours],
          ['(b) LangChain default (splitter 1000/200 + HNSWLib)', d.langchain],
          ['(c) MiniSearch over our chunks', d.minisearch],
        ] as const
      ).map(([n, x]) => `| ${n} | ${f3(x.r1)} | ${f3(x.r5)} | ${f3(x.r10)} | ${f3(x.mrr10)} |`),
    );
    const a = r.quality.answers;
    if (a.failures.length) out.push('', `Dev-set items not fully right: ${a.failures.map((x) => x.id).join(', ')}.`);
    const u = r.quality.answersUnaccented;
    if (u?.failures.length) out.push('', `Typed without accents, not fully right: ${u.failures.map((x) => x.id).join(', ')}.`);
    const g = r.quality.guard;
    const quoted = (label: string, messages: string[]) => {
      if (messages.length) out.push('', `${label} (first ${messages.length}): ${messages.map((s) => `“${s.slice(0, 80)}”`).join('; ')}.`);
    };
    quoted('Red-team messages let through', g.missedAttacks);
    quoted('Benign messages refused', g.falseRefusals);
    if (g.heldOut) {
      quoted('Held-out attacks let through', g.heldOut.missedAttacks);
      quoted('Held-out benign messages refused', g.heldOut.falseRefusals);
    }
  }
  if (r.beir?.length) {
    out.push('', '### Public benchmarks (all splits; ours was tuned on train splits only)', '', '| benchmark / split | n | system | R@1 | R@5 | R@10 | MRR@10 |', '|---|---:|---|---:|---:|---:|---:|');
    const order = ['hybrid', 'langchain-default', 'minisearch', 'bm25-baseline'];
    const rows = [...r.beir].sort((x, y) => x.benchmark.localeCompare(y.benchmark) || x.split.localeCompare(y.split) || order.indexOf(x.system) - order.indexOf(y.system));
    for (const x of rows) {
      const name = x.system === 'hybrid' ? '**ours**' : x.system;
      out.push(`| ${x.benchmark} / ${x.split} | ${x.n} | ${name} | ${f3(x.r1)} | ${f3(x.r5)} | ${f3(x.r10)} | ${f3(x.mrr10)} |`);
    }
  }
  if (r.speed.length) {
    out.push(
      '',
      '### Speed per index size (each system and size in its own process)',
      '',
      '| size | system | chunks | build s | chunks/s | MB/s | build peak RSS MB | load ms | RSS after load MB | peak RSS MB | ask p50 ms | p95 | p99 | answered/abstained/refused |',
      '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    );
    const row = (size: number, name: string, b?: BuildFigures, mm?: MeasureFigures) =>
      `| ${size} | ${name} | ${mm?.chunks ?? b?.chunks ?? '–'} | ${b ? f1(b.ms / 1000) + (b.cached ? '*' : '') : '–'} | ${f0(b?.chunksPerS)} | ${f3(b?.mbPerS)} | ${f0(b?.peakRssMB)} | ${f0(mm?.loadMs)} | ${f0(mm?.rssAfterLoadMB)} | ${f0(mm?.peakRssMB)} | ${f3(mm?.ask.p50)} | ${f3(mm?.ask.p95)} | ${f3(mm?.ask.p99)} | ${mm ? `${mm.outcomes.answered}/${mm.outcomes.abstained}/${mm.outcomes.refused}` : '–'} |`;
    for (const s of r.speed) {
      out.push(row(s.size, 'ours', s.ours.build, s.ours.measure));
      out.push(row(s.size, 'peer b', s.peer.build, s.peer.measure));
    }
    out.push(
      '',
      '`*` build reused from an earlier run with the same code and corpus (bench/.cache); its build figures are that run\'s. Corpora: ' +
        r.speed.map((s) => `${s.size}: ${s.corpus.realFiles} real files (${s.corpus.realChunks} chunks) + ${s.corpus.syntheticArticles} synthetic articles in ${s.corpus.syntheticFiles} files`).join('; ') +
        '.',
    );
  }
  if (r.load) {
    const l = r.load;
    out.push(
      '',
      `### Load (${l.seconds} s, ${l.connections} connections; mix: ${l.mix.answerable} answerable, ${l.mix.offTopic} off-topic, ${l.mix.attacks} attacks)`,
      '',
      '| server | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | timeouts | non-2xx | RSS start MB | RSS end MB |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const [name, x] of [
      ['ours', l.ours],
      ['bare echo bot', l.echo],
    ] as const) {
      if (!x) continue;
      out.push(
        `| ${name} | ${x.requests} | ${f1(x.rps)} | ${f1(x.latencyMs.p50)} | ${f1(x.latencyMs.p95)} | ${f1(x.latencyMs.p99)} | ${f1(x.latencyMs.max)} | ${x.errors} | ${x.timeouts} | ${x.non2xx} | ${f0(x.rssStartMB)} | ${f0(x.rssEndMB)} |`,
      );
    }
  }
  return out.join('\n') + '\n';
}
