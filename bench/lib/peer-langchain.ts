/**
 * Peer (b): what a newcomer writes from the LangChain docs. Text loaded as is,
 * RecursiveCharacterTextSplitter (chunkSize 1000, overlap 200), the same
 * embeddings as ours, HNSWLib vector search only, top-k passages stuffed
 * together as the "answer" (no guard, no lexical side, no reranking).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { Document } from '@langchain/core/documents';
import { embedderLoader, embedderProvider } from '../../core/embedders.js';
import { testConfig } from '../../core/config.js';
import type { IndexEmbedder } from '../../ingest/index-version.js';
import type { Manifest } from '../../ingest/manifest.js';

export interface PeerSource {
  /** Source id, the same path our index uses as docId. */
  source: string;
  text: string;
}

export interface PeerHit {
  source: string;
  text: string;
  /** Position of the chunk in the build order. */
  index: number;
}

export const PEER_CHUNK_SIZE = 1000;
export const PEER_CHUNK_OVERLAP = 200;

export async function splitSources(sources: PeerSource[]): Promise<Document[]> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: PEER_CHUNK_SIZE, chunkOverlap: PEER_CHUNK_OVERLAP });
  return splitter.createDocuments(
    sources.map((s) => s.text),
    sources.map((s) => ({ source: s.source })),
  );
}

export class LangchainPeer {
  private constructor(
    readonly store: HNSWLib,
    readonly embedder: IndexEmbedder,
    private readonly state: unknown,
  ) {}

  get size(): number {
    return this.store.index.getCurrentCount();
  }

  /** Fits the same embedder our ingest uses (on the peer's own chunks) and builds the vector store. */
  static async build(docs: Document[]): Promise<LangchainPeer> {
    const cfg = testConfig();
    const { embedder, state } = await embedderProvider(cfg)(
      docs.map((d) => d.pageContent),
      null,
    );
    const store = await HNSWLib.fromDocuments(docs, embedder);
    return new LangchainPeer(store, embedder, state);
  }

  async save(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    await this.store.save(dir);
    await writeFile(path.join(dir, 'peer-embedder.json'), JSON.stringify(this.state));
  }

  static async load(dir: string): Promise<LangchainPeer> {
    const state = JSON.parse(await readFile(path.join(dir, 'peer-embedder.json'), 'utf8'));
    const embedder = await embedderLoader(testConfig())(state, { dimensions: 0 } as unknown as Manifest);
    const store = await HNSWLib.load(dir, embedder);
    return new LangchainPeer(store, embedder, state);
  }

  async search(question: string, k: number): Promise<PeerHit[]> {
    const vector = await this.embedder.embedQuery(question);
    const n = Math.min(k, this.size);
    const res = this.store.index.searchKnn(vector, n);
    const docs = (this.store.docstore as unknown as { _docs: Map<string, Document> })._docs;
    return res.neighbors.map((label) => {
      const d = docs.get(String(label))!;
      return { source: String(d.metadata.source), text: d.pageContent, index: label };
    });
  }

  /** The newcomer's whole answer path: similaritySearch(k = 4), passages joined. */
  async ask(question: string): Promise<string> {
    const docs = await this.store.similaritySearch(question, 4);
    return docs.map((d) => d.pageContent).join('\n\n');
  }
}
