/**
 * npm run bench [-- --quick] [--fresh] [--out DIR] [--sizes 1000,10000] [--load-seconds N]
 *
 * Answer quality, speed and memory of vks-assistant against its peers, in one
 * run; prints a markdown table and writes results/latest.{md,json} plus a dated
 * copy. Heavy parts run in child processes (see lib/child.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runChild, REPO_ROOT, BENCH_DIR } from './lib/child.js';
import { machineInfo } from './lib/machine.js';
import { cachePath, cacheKeys, pruneCache, readJson, writeJson } from './lib/cache.js';
import { prepareCorpus } from './lib/corpus.js';
import { assess } from './lib/assess.js';
import { tally } from './lib/figures.js';
import { renderReport } from './lib/report.js';
import { startServer, runLoad } from './lib/load.js';
import { loadGuardSets } from './lib/guard-sets.js';
import type { Summary } from './lib/stats.js';
import { loadDevset } from '../test/quality/devset.js';
import { loadBeir, sharedDir } from './lib/beir-data.js';
import { RESULTS_SCHEMA, type BenchResults, type BeirRow, type BuildFigures, type LoadSection, type MeasureFigures, type QualitySection, type SizeSection } from './lib/results.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    out: { type: 'string' },
    sizes: { type: 'string' },
    'load-seconds': { type: 'string' },
    connections: { type: 'string', default: '10' },
    /** Comma-separated subset of quality,speed,load (default all): e.g. prebuild the cache with --parts speed. */
    parts: { type: 'string', default: 'quality,speed,load' },
  },
});
const parts = new Set(values.parts!.split(',').map((p) => p.trim()));

const quick = values.quick!;
const plan = {
  sizes: values.sizes ? values.sizes.split(',').map(Number) : quick ? [1000] : [1000, 10_000, 100_000],
  loadSeconds: Number(values['load-seconds'] ?? (quick ? 3 : 60)),
  connections: Number(values.connections),
  asks: quick ? 100 : 400,
  benchmarks: quick ? ['alqac2023'] : ['alqac2022', 'alqac2023', 'vlsp2023_lter'],
};
const outDir = path.resolve(values.out ?? path.join(BENCH_DIR, 'results'));
const started = Date.now();
const log = (msg: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);
const errors: string[] = [];
const fail = (part: string) => (err: unknown) => {
  const msg = `${part}: ${err instanceof Error ? err.message : String(err)}`;
  errors.push(msg);
  log(`✗ ${msg}`);
  return undefined;
};

const keys = cacheKeys();
const knowledgeDir = path.join(REPO_ROOT, 'knowledge');
const knowledgeIndex = cachePath('index', `knowledge-${keys.ours}`);
pruneCache([keys.corpus, keys.ours, keys.peer]);
if (values.fresh) {
  const { rm } = await import('node:fs/promises');
  await rm(cachePath('index'), { recursive: true, force: true });
  await rm(cachePath('corpus'), { recursive: true, force: true });
}

// --- question mixes -------------------------------------------------------
const devset = loadDevset();
const answerable = devset.filter((i) => !i.expect.abstain && !(i.history ?? []).length).map((i) => i.question);
const offTopic = devset.filter((i) => i.expect.abstain).map((i) => i.question);
const attacks = loadGuardSets().redTeam;
/** Real questions for timing one ask: the dev set plus public-benchmark questions. */
function speedQuestions(): string[] {
  const qs = devset.map((i) => i.question);
  for (const name of ['alqac2023', 'vlsp2023_lter']) {
    try {
      qs.push(...loadBeir(name).queries.slice(0, 150).map((q) => q.text));
    } catch {
      // benchmark missing: the dev set alone still times asks
    }
  }
  return qs;
}
/** 70% answerable, 15% off-topic, 15% attacks, interleaved. */
function loadMix(): string[] {
  const out: string[] = [];
  const pattern = 'AAAAAAAAAAAAAAOOOXXX';
  for (let i = 0; i < 400; i++) {
    const kind = pattern[i % pattern.length];
    const pool = kind === 'A' ? answerable : kind === 'O' ? offTopic : attacks;
    if (pool.length) out.push(pool[i % pool.length]);
  }
  return out.length ? out : answerable;
}
const questionsFile = cachePath('speed-questions.json');
await writeFile(questionsFile, JSON.stringify(speedQuestions()));

// --- corpora and index builds per size ------------------------------------------
interface Built {
  size: number;
  corpus: SizeSection['corpus'];
  ours?: BuildFigures;
  peer?: BuildFigures;
}
type Impl = 'ours' | 'peer';
async function buildOne(impl: Impl, size: number, corpusDir: string): Promise<BuildFigures | undefined> {
  const dir = indexDirOf(impl, size);
  const marker = `${dir}.build.json`;
  const cached = readJson<BuildFigures>(marker);
  // A --quick run builds every size at once (and maybe during a test run): a full run does not
  // report such a build's throughput and peak RSS as its own, it builds again.
  if (cached && existsSync(dir) && (quick || !cached.overlapped)) return { ...cached, cached: true };
  log(`size ${size}: ${impl} build (${impl === 'ours' ? 'ingest' : 'split + embed + HNSWLib'})`);
  const r = await runChild<BuildFigures>('speed-child.ts', ['--mode', 'build', '--impl', impl, '--corpus', corpusDir, '--index', dir], {
    label: `${impl} build @${size}`,
    timeoutMs: 40 * 60_000,
  });
  const built = { ...r, overlapped: quick };
  writeJson(marker, built);
  return { ...built, cached: false };
}
const indexDirOf = (impl: Impl, size: number) => cachePath('index', `${impl}-${size}-${keys[impl]}`);
const speedSizes = parts.has('speed') ? plan.sizes : [];
/** The sizes, largest first. */
const bySize = [...speedSizes].sort((x, y) => y - x);

/** Each corpus, written one after another, largest first: the first build waits for its own only. */
function prepareCorpora(): Map<number, Promise<Built | undefined>> {
  const prepared = new Map<number, Promise<Built | undefined>>();
  let previous: Promise<unknown> = Promise.resolve();
  for (const size of bySize) {
    const p = previous.then(async () => {
      log(`size ${size}: corpus`);
      const corpus = await prepareCorpus({ knowledgeDir, sharedCorpus: path.join(sharedDir(), 'corpus'), target: size, dir: cachePath('corpus', keys.corpus, String(size)) }).catch(
        fail(`corpus ${size}`),
      );
      return corpus ? { size, corpus } : undefined;
    });
    prepared.set(size, p);
    previous = p;
  }
  return prepared;
}

/** Runs the jobs in order, at most `workers` at a time. */
async function runJobs(jobs: (() => Promise<unknown>)[], workers: number): Promise<void> {
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  };
  await Promise.all(Array.from({ length: Math.min(workers, queue.length) }, worker));
}

// --- phase 1: every build as jobs shared by two workers (one per core); the quality phase beside them
// Nothing here is timed but the builds' own throughput. A cold run is CPU-bound here: the peer's
// 100k build (one thread for minutes) is its longest piece, so it goes first; ours follow smallest
// first and the rest of the peer's go to whichever worker is free, so neither idles while the
// other has a queue. The quality phase runs beside the first builds (quality figures do not depend
// on timing). Ingest throughput is measured beside the other worker's build; peak RSS is per
// process either way. (Tried: both 100k builds first, the quality phase queued after them: the
// two memory-bound builds slow each other and the run took longer.) --quick runs everything at once.
const prepared = prepareCorpora();
const build = (impl: Impl, size: number) => async () => {
  const b = await prepared.get(size)!;
  if (b) b[impl] = await buildOne(impl, size, b.corpus.dir).catch(fail(`${impl} build @${size}`));
};
const [largest, ...smaller] = bySize;
const builds = runJobs(
  [
    ...(largest === undefined ? [] : [build('peer', largest)]),
    ...[...bySize].reverse().map((size) => build('ours', size)),
    ...smaller.map((size) => build('peer', size)),
  ],
  quick ? Infinity : 2,
);
if (parts.has('quality')) log(`quality (dev set, guard) and public benchmarks (${plan.benchmarks.join(', ')})`);
const [quality, beir] = await Promise.all(parts.has('quality') ? [
  runChild<QualitySection>('quality-child.ts', ['--index', knowledgeIndex], { label: 'quality', timeoutMs: 15 * 60_000 }).catch(fail('dev-set quality')),
  runChild<{ results: BeirRow[] }>('beir-child.ts', quick ? ['--quick'] : [], { label: 'public benchmarks', timeoutMs: 15 * 60_000 })
    .then((r) => r.results)
    .catch(fail('public benchmarks')),
] : [undefined, undefined]);
if (parts.has('quality')) log('quality and public benchmarks done');
await builds;
const builtAll = (await Promise.all(bySize.map((size) => prepared.get(size)!))).filter((b): b is Built => b !== undefined);

// --- phase 2: guard decision time, then speed and memory per index size -------
// Each timing has the machine to itself.
if (parts.has('quality')) log('guard decision time, alone');
const guardTiming = !parts.has('quality') ? undefined : await runChild<Summary>('guard-child.ts', [], { label: 'guard timing', timeoutMs: 5 * 60_000 }).catch(fail('guard timing'));
const speed: SizeSection[] = [];
for (const size of speedSizes) {
  const built = builtAll.find((b) => b?.size === size);
  if (!built) continue;
  const section: SizeSection = { size, corpus: built.corpus, ours: { build: built.ours }, peer: { build: built.peer } };
  speed.push(section);
  for (const impl of ['ours', 'peer'] as const) {
    if (!section[impl].build) continue;
    log(`size ${size}: ${impl} load + ${plan.asks} asks`);
    section[impl].measure = await runChild<MeasureFigures>(
      'speed-child.ts',
      ['--mode', 'measure', '--impl', impl, '--index', indexDirOf(impl, size), '--questions', questionsFile, '--asks', String(plan.asks)],
      { label: `${impl} measure @${size}`, timeoutMs: 10 * 60_000 },
    ).catch(fail(`${impl} measure @${size}`));
  }
}

// --- phase 3: the service under load, and the bare echo bot -------------------
const mix = loadMix();
const load: LoadSection = {
  seconds: plan.loadSeconds,
  connections: plan.connections,
  mix: { answerable: mix.filter((q) => answerable.includes(q)).length, offTopic: mix.filter((q) => offTopic.includes(q)).length, attacks: mix.filter((q) => attacks.includes(q)).length },
};
for (const [name, script, args] of parts.has('load')
  ? ([
      ['ours', 'serve-child.ts', ['--index', knowledgeIndex]],
      ['echo', 'echo-bot.ts', []],
    ] as const)
  : []) {
  log(`load: ${name}, ${plan.loadSeconds} s`);
  const server = await startServer(script, [...args]).catch(fail(`${name} server start`));
  if (!server) continue;
  try {
    load[name] = await runLoad(server, mix, { seconds: plan.loadSeconds, connections: plan.connections });
  } catch (err) {
    fail(`${name} load`)(err);
  } finally {
    await server.stop();
  }
}

// --- results ------------------------------------------------------------------
const partial: Omit<BenchResults, 'figures' | 'tally'> = {
  schema: RESULTS_SCHEMA,
  takenAt: new Date().toISOString(),
  quick,
  durationS: (Date.now() - started) / 1000,
  machine: machineInfo(),
  plan,
  quality,
  guardTiming,
  beir,
  speed,
  load,
  errors,
};
const figures = assess(partial);
const results: BenchResults = { ...partial, figures, tally: tally(figures) };
const md = renderReport(results);
await mkdir(outDir, { recursive: true });
const base = quick ? 'latest-quick' : 'latest';
const stamp = results.takenAt.replace(/[:]/g, '').replace(/\..+$/, 'Z') + (quick ? '-quick' : '');
await writeFile(path.join(outDir, `${base}.md`), md);
await writeFile(path.join(outDir, `${base}.json`), JSON.stringify(results, null, 1));
await copyFile(path.join(outDir, `${base}.md`), path.join(outDir, `${stamp}.md`));
await copyFile(path.join(outDir, `${base}.json`), path.join(outDir, `${stamp}.json`));
process.stdout.write(md);
log(`wrote ${path.relative(process.cwd(), path.join(outDir, base))}.{md,json} and ${stamp}.*`);
