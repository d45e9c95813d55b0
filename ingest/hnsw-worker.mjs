/**
 * Builds one HNSW graph off the main thread, so the ingest builds the lexical
 * index and writes the chunk store at the same time (the graph is the longest
 * step at 100k chunks). Plain JavaScript so that it runs under node, tsx and
 * vitest alike. Input: the vectors as one shared Float32 matrix, row i = label i.
 */
import { parentPort, workerData } from 'node:worker_threads';
import hnswlib from 'hnswlib-node';

const { vectors, count, dimensions, file, m, efConstruction, randomSeed } = workerData;
try {
  const matrix = new Float32Array(vectors, 0, count * dimensions);
  const graph = new hnswlib.HierarchicalNSW('cosine', dimensions);
  graph.initIndex(count, m, efConstruction, randomSeed);
  const row = new Array(dimensions);
  for (let i = 0; i < count; i++) {
    const base = i * dimensions;
    for (let j = 0; j < dimensions; j++) row[j] = matrix[base + j];
    graph.addPoint(row, i);
  }
  await graph.writeIndex(file);
  parentPort.postMessage({ ok: true });
} catch (err) {
  parentPort.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
