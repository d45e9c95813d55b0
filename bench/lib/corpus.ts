/**
 * A knowledge folder of about N chunks: the real knowledge files first (as many
 * as fit), then synthetic documents (see synthetic.ts) to make up the rest.
 * Chunk counts come from the real chunker (processFile), so the index really
 * has about N chunks, whatever the chunking rules are today.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listSourceFiles } from '../../ingest/pipeline.js';
import { processFile } from '../../ingest/process-file.js';
import { loadSentencePool, rng, syntheticDocument, writeSyntheticCorpus, type SentencePool } from './synthetic.js';
import { readJson, writeJson } from './cache.js';

export interface PreparedCorpus {
  dir: string;
  target: number;
  /** Chunks the real chunker makes of it (estimated from a calibration sample for the synthetic part). */
  expectedChunks: number;
  realFiles: number;
  realChunks: number;
  syntheticFiles: number;
  syntheticArticles: number;
  bytes: number;
}

const SIDECARS = ['.meta.yaml', '.meta.yml'];
const ARTICLES_PER_DOC = 40;

async function chunkCount(abs: string, rel: string): Promise<number> {
  const r = await processFile(abs, rel);
  return r.entry.status === 'indexed' ? r.chunks.length : 0;
}

/** Chunks per synthetic article, measured on a sample document with the real chunker. */
async function chunksPerArticle(pool: SentencePool): Promise<number> {
  const dir = path.join(os.tmpdir(), `vks-bench-calib-${process.pid}`);
  await mkdir(dir, { recursive: true });
  let chunks = 0;
  let articles = 0;
  const random = rng(7);
  for (let i = 0; i < 5; i++) {
    const doc = syntheticDocument(pool, 90_000 + i, ARTICLES_PER_DOC, random);
    const file = path.join(dir, doc.name);
    await writeFile(file, doc.text);
    chunks += await chunkCount(file, doc.name);
    articles += doc.articles;
  }
  await rm(dir, { recursive: true, force: true });
  return chunks / articles;
}

export async function prepareCorpus(opts: { knowledgeDir: string; sharedCorpus: string; target: number; dir: string }): Promise<PreparedCorpus> {
  const marker = path.join(opts.dir, '.prepared.json');
  const done = readJson<PreparedCorpus>(marker);
  if (done && existsSync(opts.dir)) return done;
  await rm(opts.dir, { recursive: true, force: true });

  const real: { rel: string; chunks: number }[] = [];
  for (const rel of await listSourceFiles(opts.knowledgeDir)) real.push({ rel, chunks: await chunkCount(path.join(opts.knowledgeDir, rel), rel) });

  let realChunks = 0;
  let realFiles = 0;
  for (const f of real) {
    if (realChunks + f.chunks > opts.target) continue;
    const to = path.join(opts.dir, 'knowledge', f.rel);
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(path.join(opts.knowledgeDir, f.rel), to);
    for (const ext of SIDECARS) {
      for (const side of [`${f.rel}${ext}`, `${f.rel.replace(/\.[^.]+$/, '')}${ext}`]) {
        if (existsSync(path.join(opts.knowledgeDir, side))) await copyFile(path.join(opts.knowledgeDir, side), path.join(opts.dir, 'knowledge', side));
      }
    }
    realChunks += f.chunks;
    realFiles++;
  }

  const missing = opts.target - realChunks;
  let synthetic = { files: 0, bytes: 0, articles: 0 };
  let perArticle = 1;
  if (missing > 0) {
    const pool = loadSentencePool(opts.sharedCorpus);
    perArticle = await chunksPerArticle(pool);
    synthetic = await writeSyntheticCorpus(path.join(opts.dir, 'tong-hop'), pool, {
      totalArticles: Math.max(1, Math.round(missing / perArticle)),
      articlesPerDoc: ARTICLES_PER_DOC,
      seed: opts.target,
    });
  }
  const prepared: PreparedCorpus = {
    dir: opts.dir,
    target: opts.target,
    expectedChunks: realChunks + Math.round(synthetic.articles * perArticle),
    realFiles,
    realChunks,
    syntheticFiles: synthetic.files,
    syntheticArticles: synthetic.articles,
    bytes: synthetic.bytes,
  };
  writeJson(marker, prepared);
  return prepared;
}
