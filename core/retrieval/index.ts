/**
 * Retrieval: Vietnamese analysis, BM25F, local embeddings and the hybrid retriever.
 *
 * Wiring (ingest side): `BM25Index.build(chunks.map(c => ({ id: c.id, text: c.text, heading: c.heading, title: c.title })))`,
 * `new LocalEmbeddings().fit(texts)`, embed the chunks into HNSWLib in chunk order, persist
 * `bm25.toJSON()`, `embeddings.toJSON()` and the chunks. Query side: load them back with `fromJSON`
 * and build `new HybridRetriever({ chunks, bm25, embeddings, vectorSearch })`.
 *
 * Cached vectors are valid while `embeddings.modelId` is unchanged: it changes with the
 * configuration and with every refit of the IDF table.
 */
export * from './abbreviations.js';
export * from './analyze.js';
export * from './bm25.js';
export * from './embeddings.js';
export * from './hybrid.js';
