/**
 * Child: one system at one index size, in its own process so RSS is per size.
 *
 *   --mode build   --impl ours|peer --corpus DIR --index DIR
 *   --mode measure --impl ours|peer --index DIR --questions FILE --asks N
 *
 * build: ingest throughput and peak RSS (ours: the real runIngest; peer: the
 * LangChain default's split + embed + HNSWLib build + save).
 * measure: index load time, then the latency of one ask over a question mix,
 * and the process's RSS after load and at its peak.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runIngest, listSourceFiles } from '../ingest/pipeline.js';
import { embedderProvider } from '../core/embedders.js';
import { reportResult } from './lib/child.js';
import { benchConfig } from './lib/bench-config.js';
import { summarize, type Summary } from './lib/stats.js';
import { dirBytes } from './lib/dir-bytes.js';
import type { BuildFigures, MeasureFigures } from './lib/results.js';

/** One build as this child measures it (whether it came from the cache is decided by the parent). */
export type BuildResult = Omit<BuildFigures, 'cached'> & { impl: 'ours' | 'peer' };

export type MeasureResult = MeasureFigures & { impl: 'ours' | 'peer' };

const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    impl: { type: 'string' },
    corpus: { type: 'string' },
    index: { type: 'string' },
    questions: { type: 'string' },
    asks: { type: 'string', default: '400' },
  },
});
const impl = values.impl === 'peer' ? 'peer' : 'ours';
const indexDir = path.resolve(values.index!);
const cfg = benchConfig();
const peakRssMB = () => process.resourceUsage().maxRSS / 1024;
const rssMB = () => process.memoryUsage().rss / 2 ** 20;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
// The serving runtime and the LangChain peer are imported by the modes that use them: a build of
// ours must not count their code in its peak RSS (nor ours theirs).

async function build(): Promise<BuildResult> {
  const corpusDir = path.resolve(values.corpus!);
  await rm(indexDir, { recursive: true, force: true });
  const builtAt = new Date().toISOString();
  if (impl === 'ours') {
    const r = await runIngest({ sourceDir: corpusDir, indexDir, full: true, embedder: embedderProvider(cfg) });
    if (!r.versionAfter) throw new Error(`ingest failed: ${r.error}`);
    const s = r.ms / 1000;
    return {
      impl,
      chunks: r.chunks,
      documents: r.documents,
      sourceBytes: r.bytes,
      indexBytes: await dirBytes(indexDir),
      ms: r.ms,
      chunksPerS: r.chunks / s,
      mbPerS: r.bytes / 2 ** 20 / s,
      peakRssMB: peakRssMB(),
      builtAt,
      error: r.ok ? undefined : r.error ?? `${r.counts.failed} file(s) failed`,
    };
  }
  // Imported before the clock starts, as a static import was.
  const { LangchainPeer, splitSources } = await import('./lib/peer-langchain.js');
  const t0 = performance.now();
  const files = await listSourceFiles(corpusDir);
  let bytes = 0;
  const sources = await Promise.all(
    files.map(async (f) => {
      const text = await readFile(path.join(corpusDir, f), 'utf8');
      bytes += Buffer.byteLength(text);
      return { source: f, text };
    }),
  );
  const peer = await LangchainPeer.build(await splitSources(sources));
  await peer.save(indexDir);
  const ms = performance.now() - t0;
  return {
    impl,
    chunks: peer.size,
    documents: files.length,
    sourceBytes: bytes,
    indexBytes: await dirBytes(indexDir),
    ms,
    chunksPerS: peer.size / (ms / 1000),
    mbPerS: bytes / 2 ** 20 / (ms / 1000),
    peakRssMB: peakRssMB(),
    builtAt,
  };
}

async function measure(): Promise<MeasureResult> {
  const questions = JSON.parse(await readFile(values.questions!, 'utf8')) as string[];
  const asks = Number(values.asks);
  // Imported before the clock starts: index load time is not module load time.
  const runtime = impl === 'ours' ? await import('../core/runtime.js') : null;
  const peerLib = impl === 'peer' ? await import('./lib/peer-langchain.js') : null;
  gc();
  const t0 = performance.now();
  let ask: (q: string) => Promise<'answered' | 'abstained' | 'refused'>;
  let chunks: number;
  if (impl === 'ours') {
    const assistant = await runtime!.openAssistant(cfg, { indexDir, chatModel: null });
    chunks = assistant.health().chunks;
    ask = async (q) => {
      const r = await assistant.ask(q);
      return r.refused ? 'refused' : r.abstained ? 'abstained' : 'answered';
    };
  } else {
    const peer = await peerLib!.LangchainPeer.load(indexDir);
    chunks = peer.size;
    ask = async (q) => ((await peer.ask(q)) ? 'answered' : 'abstained');
  }
  const loadMs = performance.now() - t0;
  gc();
  const rssAfterLoadMB = rssMB();
  // Warm-up: JIT, caches, first-touch of the index pages.
  for (let i = 0; i < Math.min(30, questions.length); i++) await ask(questions[i]);
  const times: number[] = [];
  const outcomes = { answered: 0, abstained: 0, refused: 0 };
  for (let i = 0; i < asks; i++) {
    const q = questions[i % questions.length];
    const s = performance.now();
    const o = await ask(q);
    times.push(performance.now() - s);
    outcomes[o]++;
  }
  return { impl, chunks, loadMs, rssAfterLoadMB, peakRssMB: peakRssMB(), ask: summarize(times), outcomes };
}

reportResult(values.mode === 'build' ? await build() : await measure());
