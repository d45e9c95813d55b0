/**
 * Reading and writing one index version folder:
 *
 *   hnswlib/        the HNSW graph (hnswlib.index, args.json), as LangChain's HNSWLib
 *                   saves it; label i = chunk i
 *   chunks.*        the chunk store (see chunk-store.ts), written by the caller as the
 *                   chunks are made
 *   lexical.json    the BM25 index: a small header ...
 *   lexical.bin     ... and its postings as raw typed arrays
 *   embedder.json   fitted state of the embedder, so queries embed like documents
 *   manifest.json   written last: a folder without it is incomplete
 *
 * Versions written before the chunk store (chunks in hnswlib/docstore.json, a
 * base64 lexical.json) still open.
 */
import { open, readFile, writeFile, mkdir, access, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import hnswlib from 'hnswlib-node';
import type { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Chunk } from '../core/types.js';
import { BM25Index as Bm25Index, bm25BinaryWindows, bm25FromBinary, type BM25BinaryHeader, type BM25Doc, type BM25Json } from '../core/retrieval/bm25.js';
import type { Manifest } from './manifest.js';
import { contiguousBytes, writeFileAtomic } from './store.js';
import { CHUNK_STORE_FILES, readChunkStore } from './chunk-store.js';
import { collectGarbage } from './memory.js';
import { definitionTable, definitionTableFromJson, definitionTableToJson, type DefinitionTable } from '../core/retrieval/definitions.js';
import { mapFile } from '../core/retrieval/mapped-file.mjs';
import { warmPageCache } from '../core/retrieval/page-cache.js';

export interface IndexEmbedder extends EmbeddingsInterface {
  readonly modelId: string;
  readonly dimensions: number;
  /** Optional: document vectors as Float32Array, skipping LangChain's number[][]. */
  embedVectors?(texts: string[]): Promise<Float32Array[]>;
}

/**
 * Gives the embedder for an ingest run: fitted on the corpus texts when there is
 * no previous state (or a full re-ingest), otherwise restored from it so that
 * cached vectors of unchanged chunks stay valid.
 */
export type EmbedderProvider = (
  corpus: Iterable<string>,
  previousState: unknown | null,
) => Promise<{ embedder: IndexEmbedder; state: unknown | null }>;

/** Restores the embedder a version was built with, for embedding queries. */
export type EmbedderLoader = (state: unknown | null, manifest: Manifest) => Promise<IndexEmbedder>;

export interface IndexVersionData {
  /** Already in the folder's chunk store (the pipeline streams them there, see ChunkStoreWriter). */
  chunks: Chunk[];
  /** The chunks' vectors as written by `writeVectors`; removed once the graph is built. */
  vectorsFile: string;
  embedder: IndexEmbedder;
  embedderState: unknown | null;
  manifest: Manifest;
}

export interface LoadedIndex {
  dir: string;
  manifest: Manifest;
  chunks: Chunk[];
  /** Null when the version holds no chunks. */
  vectorStore: HNSWLib | null;
  lexical: Bm25Index;
  embedderState: unknown | null;
  /** Defined term → chunks defining it; null for versions written before the table. */
  definitions: DefinitionTable | null;
}

const DEFINITIONS_FILE = 'definitions.json';
/** The BM25 index's postings, written beside its header (lexical.json), read where they lie. */
const LEXICAL_POSTINGS = 'lexical.bin';

export const HNSW_EF_SEARCH = 96;

function chunkToDocument(c: Chunk): Document {
  const { text, ...meta } = c;
  return new Document({ pageContent: text, metadata: meta });
}

/** The chunks as the lexical index reads them, one at a time (not a second array of 100k documents). */
export function* lexicalDocs(chunks: Iterable<Chunk>): Iterable<BM25Doc> {
  for (const c of chunks) yield { id: c.id, text: c.text, heading: c.heading, title: [c.title, c.number].filter(Boolean).join(' ') };
}

/**
 * HNSW parameters. M and the seed are hnswlib's defaults (LangChain's HNSWLib uses them too);
 * efConstruction is half its 200, because the graph is the longest step of a large ingest and
 * our hashed-feature vectors gain little from the extra effort: on 20k chunks of the bench
 * corpus, recall@50 at search ef 96 was 0.550 with 200 and 0.523 with 100, and the build took
 * 36 s and 23 s. The vector ranker weighs 0.1 in the fused score, and on a 10k-chunk index 10
 * of 543 answers changed (none of the knowledge questions').
 */
export const HNSW_BUILD = { m: 16, efConstruction: 100, randomSeed: 100 } as const;

/** Scratch file of the vectors for the graph build (not part of a finished version). */
export const VECTORS_FILE = 'vectors.f32.tmp';

/**
 * Writes the vectors as one Float32 matrix, row i = chunk i: the graph worker reads them from
 * there, so no thread holds them in memory beside the graph's own copy.
 */
export async function writeVectors(file: string, vectors: Float32Array[], dimensions: number): Promise<void> {
  if (vectors.some((v) => v.length !== dimensions)) throw new Error(`vectors must have ${dimensions} dimensions`);
  await writeFile(file, contiguousBytes(vectors));
}

/** Builds and writes the graph in a worker thread; resolves when the file is written. */
function buildGraphInWorker(file: string, vectorsFile: string, count: number, dimensions: number): { done: Promise<void>; cancel: () => void } {
  const worker = new Worker(new URL('./hnsw-worker.mjs', import.meta.url), {
    workerData: { vectorsFile, count, dimensions, file, ...HNSW_BUILD },
  });
  const done = new Promise<void>((resolve, reject) => {
    worker.once('message', (m: { ok: boolean; error?: string }) => (m.ok ? resolve() : reject(new Error(`HNSW build failed: ${m.error}`))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`HNSW build worker exited (${code})`)));
  });
  return { done: done.finally(() => worker.terminate()), cancel: () => void worker.terminate() };
}

/**
 * The BM25 index of the chunks, straight to lexical.bin and lexical.json: its postings are
 * written a window at a time (bm25BinaryWindows), never held whole beside the graph being built.
 */
async function writeLexical(dir: string, chunks: Chunk[]): Promise<void> {
  const { header, total, pieces } = bm25BinaryWindows(lexicalDocs(chunks));
  const fh = await open(path.join(dir, LEXICAL_POSTINGS), 'w');
  try {
    for (const { at, bytes } of pieces) {
      for (let done = 0; done < bytes.byteLength; ) done += (await fh.write(bytes, done, bytes.byteLength - done, at + done)).bytesWritten;
    }
    // The gaps between the arrays (alignment padding) and the tail read as zeros.
    await fh.truncate(total);
  } finally {
    await fh.close();
  }
  await writeFile(path.join(dir, 'lexical.json'), JSON.stringify(header));
}

export async function saveIndexVersion(dir: string, data: IndexVersionData): Promise<void> {
  await mkdir(dir, { recursive: true });
  const dims = data.embedder.dimensions;
  let graph: { done: Promise<void>; cancel: () => void } | null = null;
  if (data.chunks.length) {
    const { size } = await stat(data.vectorsFile);
    if (size !== data.chunks.length * dims * 4) throw new Error(`vectors must be ${data.chunks.length} × ${dims}`);
    await mkdir(path.join(dir, 'hnswlib'), { recursive: true });
    // Built with hnswlib-node directly (LangChain's addVectors wants number[][], a second copy
    // of every vector, and its save writes every chunk again as one JSON docstore), in a
    // worker while this thread builds the rest.
    graph = buildGraphInWorker(path.join(dir, 'hnswlib', 'hnswlib.index'), data.vectorsFile, data.chunks.length, dims);
    graph.done.catch(() => undefined); // awaited below; a failure elsewhere must not leave it unhandled
  }
  try {
    await writeLexical(dir, data.chunks);
    await writeFile(path.join(dir, 'embedder.json'), JSON.stringify(data.embedderState ?? null));
    await writeFile(path.join(dir, DEFINITIONS_FILE), definitionTableToJson(definitionTable(data.chunks)));
    if (graph) {
      // This thread waits for the graph from here on and allocates nothing that would make
      // V8 collect what the lexical index left behind.
      collectGarbage();
      await graph.done;
      await writeFile(path.join(dir, 'hnswlib', 'args.json'), JSON.stringify({ space: 'cosine', numDimensions: dims }));
    }
  } catch (err) {
    graph?.cancel();
    throw err;
  }
  await rm(data.vectorsFile, { force: true });
  // The manifest last: its presence marks the folder complete.
  await writeFileAtomic(path.join(dir, 'manifest.json'), JSON.stringify(data.manifest, null, 1));
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function loadLexical(dir: string): Promise<Bm25Index> {
  const json = JSON.parse((await readFile(path.join(dir, 'lexical.json'))).toString('utf8')) as BM25Json | BM25BinaryHeader;
  if (json.format === 'vks-bm25/1') return Bm25Index.fromJSON(json as BM25Json);
  const bin = path.join(dir, LEXICAL_POSTINGS);
  // Mapped where the platform allows (no copy, no fresh memory to fault in); else read whole.
  return bm25FromBinary(json as BM25BinaryHeader, mapFile(bin) ?? (await readShared(bin)));
}

/** A file read whole into shared memory, where it cannot be mapped: the lexical search worker reads the postings where they lie. */
async function readShared(file: string): Promise<Uint8Array> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    for (let pos = 0; pos < size; ) {
      const { bytesRead } = await fh.read(bytes, pos, size - pos, pos);
      if (bytesRead === 0) throw new Error(`${file} ended early`);
      pos += bytesRead;
    }
    return bytes;
  } finally {
    await fh.close();
  }
}

/** The chunks of a version: its chunk store, or LangChain's docstore in versions written before it. */
export async function loadVersionChunks(dir: string): Promise<Chunk[]> {
  return (await exists(path.join(dir, 'chunks.json'))) ? readChunkStore(dir) : loadDocstoreChunks(dir);
}

/** Chunks of a version from before the chunk store: LangChain's docstore. */
async function loadDocstoreChunks(dir: string): Promise<Chunk[]> {
  const entries = JSON.parse(await readFile(path.join(dir, 'hnswlib', 'docstore.json'), 'utf8')) as [string, { pageContent: string; metadata: Omit<Chunk, 'text'> }][];
  const chunks: Chunk[] = new Array(entries.length);
  for (const [label, doc] of entries) chunks[Number(label)] = { ...doc.metadata, text: doc.pageContent };
  return chunks;
}

/** LangChain's docstore interface over the chunk array: documents are made when asked for. */
function chunkDocstore(chunks: Chunk[]): HNSWLib['docstore'] {
  return {
    search: (label: string) => {
      const c = chunks[Number(label)];
      if (!c) throw new Error(`ID ${label} not found.`);
      return chunkToDocument(c);
    },
    add: () => {
      throw new Error('an index version is read-only');
    },
  } as unknown as HNSWLib['docstore'];
}

async function loadGraph(dir: string) {
  const args = JSON.parse(await readFile(path.join(dir, 'hnswlib', 'args.json'), 'utf8')) as { space: 'cosine'; numDimensions: number };
  const index = new hnswlib.HierarchicalNSW(args.space, args.numDimensions);
  await index.readIndex(path.join(dir, 'hnswlib', 'hnswlib.index'));
  index.setEf(HNSW_EF_SEARCH);
  return { args, index };
}

export interface LoadOptions {
  /** Open the HNSW graph (default true). */
  graph?: boolean;
}

/** The files a question reads in small pieces, wherever its words lead. */
const PREFETCHED_FILES = [LEXICAL_POSTINGS, CHUNK_STORE_FILES.text];

/**
 * Loads a version. With `embedder` null the vector store cannot embed queries
 * (the runtime searches the graph with its own query vectors).
 */
export async function loadIndexVersion(dir: string, embedder: IndexEmbedder | null, opts: LoadOptions = {}): Promise<LoadedIndex> {
  // The graph is the longest read (~0.5 s at 100k chunks, on libuv's thread pool): it starts
  // before anything else, while this thread parses the manifest and the rest. A version with
  // no chunks has no graph folder.
  const graphLoad = opts.graph !== false && (await exists(path.join(dir, 'hnswlib', 'args.json'))) ? loadGraph(dir) : null;
  graphLoad?.catch(() => undefined); // awaited below; a failure before then must not leave it unhandled
  const manifest = JSON.parse((await readFile(path.join(dir, 'manifest.json'))).toString('utf8')) as Manifest;
  const withGraph = manifest.chunkCount > 0 && opts.graph !== false;
  // LangChain's HNSWLib is imported here, not by the module: the ingest, which only writes
  // versions, never needs it (~30 MB resident). The runtime loads it at start-up; for other
  // callers it loads while the files are read.
  const langchainHnsw = withGraph ? import('@langchain/community/vectorstores/hnswlib') : null;
  const [lexical, embedderState, definitions, chunks, graph] = await Promise.all([
    loadLexical(dir),
    readFile(path.join(dir, 'embedder.json'), 'utf8')
      .then(JSON.parse)
      .catch(() => null),
    readFile(path.join(dir, DEFINITIONS_FILE), 'utf8')
      .then(definitionTableFromJson)
      .catch(() => null),
    manifest.chunkCount === 0 ? Promise.resolve([] as Chunk[]) : loadVersionChunks(dir),
    // A version with chunks and no graph is broken: loadGraph says so.
    withGraph ? (graphLoad ?? loadGraph(dir)) : Promise.resolve(null),
  ]);
  let vectorStore: HNSWLib | null = null;
  if (graph) {
    const placeholder = embedder ?? ({ embedQuery: async () => [], embedDocuments: async () => [] } as unknown as IndexEmbedder);
    const { HNSWLib } = await langchainHnsw!;
    vectorStore = new HNSWLib(placeholder, { ...graph.args, index: graph.index, docstore: chunkDocstore(chunks) });
  }
  // What questions read a page at a time (postings, passages) is read through in the background
  // while they start arriving, once the load's own reads are done.
  void warmPageCache(PREFETCHED_FILES.map((file) => path.join(dir, file)));
  return { dir, manifest, chunks, vectorStore, lexical, embedderState, definitions };
}
