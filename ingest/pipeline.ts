/**
 * One ingest run: knowledge folder in, a new complete index version out.
 *
 * load → screen (quarantine) → metadata → chunk → embed (cached) → HNSW + BM25
 * → manifest → atomic switch of CURRENT. Unchanged files reuse their chunks
 * and cached vectors; a failure anywhere before the switch leaves the previous
 * version serving.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Chunk, DocMeta } from '../core/types.js';
import { EmbeddingCache, type TextList } from './embed-cache.js';
import { emptyManifest, type Manifest, type ManifestFile } from './manifest.js';
import { readerVersion } from './reader-version.js';
import { cacheDir, newVersionName, pruneVersions, readCurrentManifest, readCurrentVersion, setCurrentVersion, versionDir } from './store.js';
import { loadVersionChunks, saveIndexVersion, writeVectors, VECTORS_FILE, type EmbedderProvider } from './index-version.js';
import { SUPPORTED_EXTENSIONS, isSidecar, sidecarPaths } from './loaders/index.js';
import { IMAGE_EXTENSIONS } from './ocr/index.js';
import { processFile, type ProcessedFile } from './process-file.js';
import { ChunkStoreWriter, readChunkStore } from './chunk-store.js';
import { applySupersessions } from './versions.js';
import { collectGarbage } from './memory.js';

export type ProgressEvent =
  | { phase: 'scan'; total: number }
  | { phase: 'file'; file: string; done: number; total: number; status: FileOutcome['status'] }
  | { phase: 'embed'; done: number; total: number }
  | { phase: 'index'; chunks: number }
  | { phase: 'done' };

export interface IngestOptions {
  sourceDir: string;
  indexDir: string;
  /** Re-process every file and refit the embedder, ignoring what the last version has. */
  full?: boolean;
  embedder: EmbedderProvider;
  /** OCR for image-only PDFs and images; absent → such files are reported as failed. */
  ocr?: OcrFn;
  onProgress?: (e: ProgressEvent) => void;
  /** Test seam: runs after the new version is fully written, before it becomes current. */
  beforeCommit?: (version: string) => Promise<void>;
  signal?: AbortSignal;
}

export type OcrFn = (absPath: string) => Promise<{
  text: string;
  meanConfidence: number;
  lowConfidencePages: number[];
  marking: string | null;
  undecidable: boolean;
}>;

export interface FileOutcome {
  file: string;
  status: 'added' | 'updated' | 'unchanged' | 'removed' | 'quarantined' | 'failed';
  reason?: string;
  message?: string;
  chunks?: number;
  title?: string;
  ocr?: ManifestFile['ocr'];
}

export interface IngestReport {
  ok: boolean;
  versionBefore: string | null;
  versionAfter: string | null;
  startedAt: string;
  finishedAt: string;
  ms: number;
  bytes: number;
  files: FileOutcome[];
  counts: Record<FileOutcome['status'], number>;
  chunks: number;
  documents: number;
  embedded: number;
  reusedEmbeddings: number;
  supersessions: { older: string; newer: string }[];
  error?: string;
}

/** Files the pipeline reads: what the loaders read, plus scans for OCR. */
export const DOCUMENT_EXTENSIONS: readonly string[] = [...SUPPORTED_EXTENSIONS, ...IMAGE_EXTENSIONS];

export async function listSourceFiles(sourceDir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) await walk(abs);
      else if (e.isFile()) {
        const rel = path.relative(sourceDir, abs).split(path.sep).join('/');
        // Sidecars belong to their document; the folder's own README is not a document.
        if (isSidecar(e.name)) continue;
        if (/^readme\.(md|txt)$/i.test(rel)) continue;
        if (DOCUMENT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(rel);
      }
    }
  }
  await walk(sourceDir);
  return out.sort();
}

/** Content hash of a document: its bytes plus its sidecar's, so editing metadata re-ingests it. */
export async function fileHash(abs: string): Promise<{ hash: string; size: number }> {
  const h = createHash('sha256');
  const buf = await readFile(abs);
  h.update(buf);
  for (const side of sidecarPaths(abs)) {
    try {
      h.update('\0sidecar\0');
      h.update(await readFile(side));
    } catch {
      // no sidecar under that name
    }
  }
  return { hash: h.digest('hex'), size: buf.byteLength };
}

/** Quick check for `npm start`: does the current index reflect the knowledge folder? */
export async function isIndexStale(sourceDir: string, indexDir: string): Promise<{ stale: boolean; reason: string }> {
  const manifest = await readCurrentManifest(indexDir);
  if (!manifest) return { stale: true, reason: 'no index yet' };
  if (manifest.reader !== readerVersion()) return { stale: true, reason: 'built by other ingest code' };
  const files = await listSourceFiles(sourceDir);
  const known = Object.keys(manifest.files);
  if (files.length !== known.length || files.some((f) => !manifest.files[f])) return { stale: true, reason: 'files added or removed' };
  for (const f of files) {
    const { hash } = await fileHash(path.join(sourceDir, f));
    if (hash !== manifest.files[f].hash) return { stale: true, reason: `${f} changed` };
  }
  return { stale: false, reason: 'up to date' };
}

function zeroCounts(): IngestReport['counts'] {
  return { added: 0, updated: 0, unchanged: 0, removed: 0, quarantined: 0, failed: 0 };
}

export async function runIngest(opts: IngestOptions): Promise<IngestReport> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const versionBefore = await readCurrentVersion(opts.indexDir);
  const report: IngestReport = {
    ok: false,
    versionBefore,
    versionAfter: versionBefore,
    startedAt,
    finishedAt: startedAt,
    ms: 0,
    bytes: 0,
    files: [],
    counts: zeroCounts(),
    chunks: 0,
    documents: 0,
    embedded: 0,
    reusedEmbeddings: 0,
    supersessions: [],
  };
  const version = newVersionName();
  const outDir = versionDir(opts.indexDir, version);
  let store: ChunkStoreWriter | null = null;
  try {
    const previous = opts.full ? null : await readCurrentManifest(opts.indexDir);
    // What other ingest code read is read again (its chunks and quarantine verdicts may differ);
    // its cached vectors still serve, being keyed by text.
    const reuse = previous?.reader === readerVersion();
    const previousChunks = reuse && versionBefore ? await chunksByDoc(versionDir(opts.indexDir, versionBefore)) : new Map<string, Chunk[]>();

    const files = await listSourceFiles(opts.sourceDir);
    opts.onProgress?.({ phase: 'scan', total: files.length });
    const manifest: Manifest = { ...emptyManifest(opts.sourceDir), reader: readerVersion() };
    // Chunks go to the new version's chunk store as each file yields them, and are read back
    // from it (texts decoded when read): the texts of every chunk are never on the heap at once.
    await mkdir(outDir, { recursive: true });
    store = await ChunkStoreWriter.open(outDir);
    let done = 0;
    for (const rel of files) {
      opts.signal?.throwIfAborted();
      const abs = path.join(opts.sourceDir, rel);
      const { hash, size } = await fileHash(abs);
      report.bytes += size;
      const prev = previous?.files[rel];
      const prevChunks = prev?.meta ? previousChunks.get(prev.meta.docId) : undefined;
      let entry: ManifestFile;
      let outcome: FileOutcome;
      if (reuse && prev && prev.hash === hash && (prev.status !== 'indexed' || prevChunks)) {
        entry = { ...prev, supersededBy: undefined, chunkIds: undefined };
        if (prev.status === 'indexed') await store.add(prevChunks!);
        outcome = { file: rel, status: prev.status === 'indexed' ? 'unchanged' : prev.status, reason: prev.reason, message: prev.message, chunks: prev.chunks ?? prev.chunkIds?.length, title: prev.meta?.title };
      } else {
        const processed: ProcessedFile = await processFile(abs, rel, { ocr: opts.ocr });
        entry = { hash, size, ...processed.entry };
        if (processed.entry.status === 'indexed') {
          await store.add(processed.chunks);
          outcome = { file: rel, status: prev ? 'updated' : 'added', chunks: processed.chunks.length, title: processed.entry.meta?.title, ocr: processed.entry.ocr };
        } else {
          outcome = { file: rel, status: processed.entry.status, reason: processed.entry.reason, message: processed.entry.message, ocr: processed.entry.ocr };
        }
      }
      manifest.files[rel] = entry;
      report.files.push(outcome);
      report.counts[outcome.status]++;
      opts.onProgress?.({ phase: 'file', file: rel, done: ++done, total: files.length, status: outcome.status });
    }
    previousChunks.clear();
    await store.close();
    store = null;
    // Each pass below (fit, cache keys, embedding, lexical index) reads every text once: none kept.
    const allChunks = await readChunkStore(outDir, { keepTexts: 0 });
    if (previous) {
      for (const rel of Object.keys(previous.files)) {
        if (!manifest.files[rel]) {
          report.files.push({ file: rel, status: 'removed' });
          report.counts.removed++;
        }
      }
    }

    const metas: DocMeta[] = Object.values(manifest.files)
      .filter((f) => f.status === 'indexed' && f.meta)
      .map((f) => f.meta!);
    report.supersessions = applySupersessions(manifest, metas);

    // Embed (cached by content), then build the graph and the lexical index from scratch.
    const previousState = previous && versionBefore && !opts.full ? await readEmbedderState(opts.indexDir, versionBefore) : null;
    const { embedder, state, misses, hits } = await embedChunks(allChunks, previousState, path.join(outDir, VECTORS_FILE), opts);
    report.embedded = misses;
    report.reusedEmbeddings = hits;
    opts.signal?.throwIfAborted();
    // The vector matrix and the embedding batches are garbage now; the graph build is next.
    collectGarbage();
    opts.onProgress?.({ phase: 'index', chunks: allChunks.length });

    const perDoc = new Map<string, number>();
    for (const c of allChunks) perDoc.set(c.docId, (perDoc.get(c.docId) ?? 0) + 1);
    for (const entry of Object.values(manifest.files)) {
      if (entry.status === 'indexed' && entry.meta) entry.chunks = perDoc.get(entry.meta.docId) ?? 0;
    }

    manifest.version = version;
    manifest.createdAt = new Date().toISOString();
    manifest.embeddingModel = embedder.modelId;
    manifest.dimensions = embedder.dimensions;
    manifest.chunkCount = allChunks.length;
    manifest.documentCount = metas.length;

    await saveIndexVersion(outDir, { chunks: allChunks, vectorsFile: path.join(outDir, VECTORS_FILE), embedder, embedderState: state, manifest });
    await opts.beforeCommit?.(version);
    await setCurrentVersion(opts.indexDir, version);
    await pruneVersions(opts.indexDir);

    report.ok = report.counts.failed === 0;
    report.versionAfter = version;
    report.chunks = allChunks.length;
    report.documents = metas.length;
  } catch (err) {
    // Nothing switched: drop the half-written version, keep serving the old one.
    await store?.abort();
    await rm(outDir, { recursive: true, force: true }).catch(() => undefined);
    report.ok = false;
    report.versionAfter = versionBefore;
    report.error = err instanceof Error ? err.message : String(err);
  }
  report.finishedAt = new Date().toISOString();
  report.ms = Date.now() - started;
  opts.onProgress?.({ phase: 'done' });
  return report;
}

/** The chunks of a version by document, for files that did not change; none when it cannot be read. */
async function chunksByDoc(dir: string): Promise<Map<string, Chunk[]>> {
  const byDoc = new Map<string, Chunk[]>();
  // Only the chunks: the previous version's graph and lexical index are not read.
  const chunks = await loadVersionChunks(dir).catch(() => [] as Chunk[]);
  for (const c of chunks) {
    const list = byDoc.get(c.docId);
    if (list) list.push(c);
    else byDoc.set(c.docId, [c]);
  }
  return byDoc;
}

/**
 * The vectors of all chunks, through the cache, written to `vectorsFile` (row i = chunk i) for
 * the graph build. The embedded texts are made when read (for the fit, the cache key and the
 * embedding of a batch), never all at once: at 100k chunks they would be ~200 MB on top of the
 * chunks. The cache is saved here, so that no vector is still in memory while the graph and the
 * lexical index are built (at 100k chunks the matrix is 200 MB): saved before the new version is
 * committed, a failed run leaves a cache of the vectors it made, which is just as valid.
 */
async function embedChunks(chunks: Chunk[], previousState: unknown | null, vectorsFile: string, opts: IngestOptions) {
  const texts = { length: chunks.length, at: (i: number) => embeddingText(chunks[i]) };
  const { embedder, state } = await opts.embedder(lazyTexts(texts), previousState);
  const cache = await EmbeddingCache.open(cacheDir(opts.indexDir), embedder.modelId, embedder.dimensions);
  const embedBatch = (batch: string[]) => (embedder.embedVectors ? embedder.embedVectors(batch) : embedder.embedDocuments(batch));
  const vectors = await cache.getOrEmbed(texts, embedBatch, (d, t) => opts.onProgress?.({ phase: 'embed', done: d, total: t }));
  await writeVectors(vectorsFile, vectors, embedder.dimensions);
  await cache.save();
  return { embedder, state, misses: cache.misses, hits: cache.hits };
}

function* lazyTexts(texts: TextList): Iterable<string> {
  for (let i = 0; i < texts.length; i++) yield texts.at(i)!;
}

/** What gets embedded: the passage with its document title and article heading, for context. */
export function embeddingText(c: Chunk): string {
  return [c.title, c.number, c.heading, c.text].filter(Boolean).join('\n');
}

async function readEmbedderState(indexDir: string, version: string): Promise<unknown | null> {
  try {
    return JSON.parse(await readFile(path.join(versionDir(indexDir, version), 'embedder.json'), 'utf8'));
  } catch {
    return null;
  }
}

