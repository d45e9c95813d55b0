/**
 * Builds one HNSW graph off the main thread, so the ingest builds the lexical
 * index at the same time (the graph is the longest step at 100k chunks). Plain
 * JavaScript so that it runs under node, tsx and vitest alike. Input: the vectors
 * as one Float32 matrix in a file, row i = label i, read a batch of rows at a
 * time: the graph keeps its own copy, and nothing else holds them.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import hnswlib from 'hnswlib-node';

const BATCH_ROWS = 1024;
const { vectorsFile, count, dimensions, file, m, efConstruction, randomSeed } = workerData;
try {
  const graph = new hnswlib.HierarchicalNSW('cosine', dimensions);
  graph.initIndex(count, m, efConstruction, randomSeed);
  const batch = new Float32Array(BATCH_ROWS * dimensions);
  const bytes = new Uint8Array(batch.buffer);
  const row = new Array(dimensions);
  const fd = openSync(vectorsFile, 'r');
  try {
    for (let start = 0; start < count; start += BATCH_ROWS) {
      const rows = Math.min(BATCH_ROWS, count - start);
      const want = rows * dimensions * 4;
      for (let got = 0; got < want; ) {
        const n = readSync(fd, bytes, got, want - got, start * dimensions * 4 + got);
        if (n === 0) throw new Error(`${vectorsFile} ends before row ${start + rows}`);
        got += n;
      }
      for (let r = 0; r < rows; r++) {
        const base = r * dimensions;
        for (let j = 0; j < dimensions; j++) row[j] = batch[base + j];
        graph.addPoint(row, start + r);
      }
    }
  } finally {
    closeSync(fd);
  }
  await graph.writeIndex(file);
  parentPort.postMessage({ ok: true });
} catch (err) {
  parentPort.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
