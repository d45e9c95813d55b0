/** The shape of one bench run, as written to results/*.json. */
import type { MachineInfo } from './machine.js';
import type { Figure } from './figures.js';
import type { Summary } from './stats.js';
import type { LoadResult } from './load.js';
import type { PreparedCorpus } from './corpus.js';
import type { RankMetrics } from './devset-retrieval.js';

export const RESULTS_SCHEMA = 'vks-bench/1';

export interface BeirRow {
  benchmark: string;
  split: string;
  /** hybrid = ours; bm25-baseline = runBeir's plain BM25; langchain-default = peer (b); minisearch = peer (c). */
  system: string;
  n: number;
  r1: number;
  r5: number;
  r10: number;
  mrr10: number;
}

export interface QualitySection {
  chunks: number;
  devset: { items: number; retrievalItems: number; ours: RankMetrics; langchain: RankMetrics; minisearch: RankMetrics };
  answers: {
    answerable: number;
    correct: number;
    factsOk: number;
    citationOk: number;
    outOfScope: number;
    abstainedCorrectly: number;
    failures: { id: string; kind: string; missing: string[]; citationOk: boolean }[];
  };
  /** The same dev set typed without accents (absent from results written before it). */
  answersUnaccented?: QualitySection['answers'];
  guard: GuardTally & {
    files: string[];
    /** The same on the held-out sets, which no rule was tuned on and the model never learned from (absent from older results). */
    heldOut?: GuardTally;
  };
}

/** The guard's verdicts on a set of attacks and a set of benign messages (the first 20 it got wrong of each). */
export interface GuardTally {
  redTeam: number;
  benign: number;
  refusedRedTeam: number;
  refusedBenign: number;
  missedAttacks: string[];
  falseRefusals: string[];
}

export interface BuildFigures {
  chunks: number;
  documents: number;
  sourceBytes: number;
  indexBytes: number;
  ms: number;
  chunksPerS: number;
  mbPerS: number;
  peakRssMB: number;
  builtAt: string;
  /** True when the index was reused from an earlier run's build (same code and corpus). */
  cached: boolean;
  /** Built by a --quick run, alongside other work: its throughput and peak RSS are not clean. */
  overlapped?: boolean;
  error?: string;
}

export interface MeasureFigures {
  chunks: number;
  loadMs: number;
  rssAfterLoadMB: number;
  peakRssMB: number;
  ask: Summary;
  outcomes: { answered: number; abstained: number; refused: number };
}

export interface SizeSection {
  size: number;
  corpus: PreparedCorpus;
  ours: { build?: BuildFigures; measure?: MeasureFigures };
  peer: { build?: BuildFigures; measure?: MeasureFigures };
}

export interface LoadSection {
  seconds: number;
  connections: number;
  mix: { answerable: number; offTopic: number; attacks: number };
  ours?: LoadResult;
  echo?: LoadResult;
}

export interface BenchResults {
  schema: typeof RESULTS_SCHEMA;
  takenAt: string;
  quick: boolean;
  durationS: number;
  machine: MachineInfo;
  plan: { sizes: number[]; loadSeconds: number; connections: number; asks: number; benchmarks: string[] };
  quality?: QualitySection;
  /** Guard decision time per message (ms), red-team + benign sets, timed alone. */
  guardTiming?: Summary;
  beir?: BeirRow[];
  speed: SizeSection[];
  load?: LoadSection;
  figures: Figure[];
  tally: { met: number; missed: number };
  errors: string[];
}
