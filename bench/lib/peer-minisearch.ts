/** Peer (c): a plain BM25 search engine from npm (MiniSearch, default options) over our chunks. */
import MiniSearch from 'minisearch';
import type { Chunk } from '../../core/types.js';

export class MiniSearchPeer {
  private readonly engine: MiniSearch<{ i: number; text: string; heading: string; title: string }>;

  constructor(private readonly chunks: Chunk[]) {
    this.engine = new MiniSearch({ idField: 'i', fields: ['text', 'heading', 'title'] });
    this.engine.addAll(chunks.map((c, i) => ({ i, text: c.text, heading: c.heading ?? '', title: [c.title, c.number].filter(Boolean).join(' ') })));
  }

  search(question: string, k: number): Chunk[] {
    return this.engine
      .search(question)
      .slice(0, k)
      .map((r) => this.chunks[r.id as number]);
  }
}
