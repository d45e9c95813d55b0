/**
 * Peers (b) and (c) on the public benchmarks, scored exactly like `runBeir`
 * scores ours (same loader, same split views, same `evaluate`).
 */
import { Document } from '@langchain/core/documents';
import MiniSearch from 'minisearch';
import { type BeirDoc, type Metrics, type Ranker, loadBeir, scoreSplit, splitViews } from './beir-data.js';
import { LangchainPeer, PEER_CHUNK_OVERLAP, PEER_CHUNK_SIZE } from './peer-langchain.js';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';

export type PeerSystem = 'langchain-default' | 'minisearch';

export interface PeerBeirResult extends Metrics {
  benchmark: string;
  split: string;
  system: PeerSystem;
}

async function langchainRanker(corpus: BeirDoc[]): Promise<Ranker> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: PEER_CHUNK_SIZE, chunkOverlap: PEER_CHUNK_OVERLAP });
  const docs: Document[] = await splitter.createDocuments(
    corpus.map((d) => d.text),
    corpus.map((d) => ({ source: d.id })),
  );
  const peer = await LangchainPeer.build(docs);
  return async (q, k) => {
    // Several chunks of one article can rank; an article counts once, at its best chunk.
    const hits = await peer.search(q, k * 4);
    return [...new Set(hits.map((h) => h.source))].slice(0, k);
  };
}

function minisearchRanker(corpus: BeirDoc[]): Ranker {
  const ms = new MiniSearch<{ i: number; text: string }>({ idField: 'i', fields: ['text'] });
  ms.addAll(corpus.map((d, i) => ({ i, text: d.text })));
  return async (q, k) =>
    ms
      .search(q)
      .slice(0, k)
      .map((r) => corpus[r.id as number].id);
}

export async function runPeerBeir(names: string[], root?: string): Promise<PeerBeirResult[]> {
  const out: PeerBeirResult[] = [];
  for (const name of names) {
    const ds = loadBeir(name, root);
    const queries = new Map(ds.queries.map((q) => [q.id, q.text]));
    const systems: [PeerSystem, Ranker, Map<string, string[]>][] = [
      ['langchain-default', await langchainRanker(ds.corpus), new Map()],
      ['minisearch', minisearchRanker(ds.corpus), new Map()],
    ];
    for (const [split, gold] of splitViews(ds.qrels)) {
      for (const [system, ranker, rankings] of systems) {
        out.push({ benchmark: name, split, system, ...(await scoreSplit(ranker, queries, gold, rankings)) });
      }
    }
  }
  return out;
}
