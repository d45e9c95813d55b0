/**
 * Reading and writing one index version folder:
 *
 *   hnswlib/        LangChain HNSWLib (hnswlib.index, docstore.json, args.json);
 *                   the docstore is also the chunk store (label i = chunk i)
 *   lexical.json    the BM25 index over the same chunks
 *   embedder.json   fitted state of the embedder, so queries embed like documents
 *   manifest.json   written last: a folder without it is incomplete
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Chunk } from '../core/types.js';
import { BM25Index as Bm25Index } from '../core/retrieval/bm25.js';
import type { Manifest } from './manifest.js';
import { writeFileAtomic } from './store.js';

export interface IndexEmbedder extends EmbeddingsInterface {
  readonly modelId: string;
  readonly dimensions: number;
}

/**
 * Gives the embedder for an ingest run: fitted on the corpus texts when there is
 * no previous state (or a full re-ingest), otherwise restored from it so that
 * cached vectors of unchanged chunks stay valid.
 */
export type EmbedderProvider = (
  corpus: string[],
  previousState: unknown | null,
) => Promise<{ embedder: IndexEmbedder; state: unknown | null }>;

/** Restores the embedder a version was built with, for embedding queries. */
export type EmbedderLoader = (state: unknown | null, manifest: Manifest) => Promise<IndexEmbedder>;

export interface IndexVersionData {
  chunks: Chunk[];
  vectors: Float32Array[];
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
}

export const HNSW_EF_SEARCH = 96;

function chunkToDocument(c: Chunk): Document {
  const { text, ...meta } = c;
  return new Document({ pageContent: text, metadata: meta });
}

function documentToChunk(d: Document): Chunk {
  return { ...(d.metadata as Omit<Chunk, 'text'>), text: d.pageContent };
}

export function lexicalDocs(chunks: Chunk[]) {
  return chunks.map((c) => ({ id: c.id, text: c.text, heading: c.heading, title: [c.title, c.number].filter(Boolean).join(' ') }));
}

export async function saveIndexVersion(dir: string, data: IndexVersionData): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (data.chunks.length) {
    const store = new HNSWLib(data.embedder, { space: 'cosine', numDimensions: data.embedder.dimensions });
    await store.addVectors(
      data.vectors.map((v) => Array.from(v)),
      data.chunks.map(chunkToDocument),
    );
    await store.save(path.join(dir, 'hnswlib'));
  }
  const lexical = Bm25Index.build(lexicalDocs(data.chunks));
  await writeFile(path.join(dir, 'lexical.json'), JSON.stringify(lexical.toJSON()));
  await writeFile(path.join(dir, 'embedder.json'), JSON.stringify(data.embedderState ?? null));
  // The manifest last: its presence marks the folder complete.
  await writeFileAtomic(path.join(dir, 'manifest.json'), JSON.stringify(data.manifest, null, 1));
}

/**
 * Loads a version. With `embedder` null the vector store is opened for its
 * docstore only (the pipeline reading the previous version's chunks).
 */
export async function loadIndexVersion(dir: string, embedder: IndexEmbedder | null): Promise<LoadedIndex> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const [lexicalJson, embedderState] = await Promise.all([
    readFile(path.join(dir, 'lexical.json'), 'utf8').then(JSON.parse),
    readFile(path.join(dir, 'embedder.json'), 'utf8').then(JSON.parse).catch(() => null),
  ]);
  let vectorStore: HNSWLib | null = null;
  let chunks: Chunk[] = [];
  if (manifest.chunkCount > 0) {
    const placeholder = embedder ?? ({ embedQuery: async () => [], embedDocuments: async () => [] } as unknown as IndexEmbedder);
    vectorStore = await HNSWLib.load(path.join(dir, 'hnswlib'), placeholder);
    vectorStore.index.setEf(HNSW_EF_SEARCH);
    const docs = (vectorStore.docstore as unknown as { _docs: Map<string, Document> })._docs;
    chunks = new Array(docs.size);
    for (const [label, doc] of docs) chunks[Number(label)] = documentToChunk(doc);
  }
  return { dir, manifest, chunks, vectorStore, lexical: Bm25Index.fromJSON(lexicalJson), embedderState };
}
