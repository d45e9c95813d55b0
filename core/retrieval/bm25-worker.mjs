/**
 * The lexical search worker: walks its range of the BM25 postings for each plan it is sent.
 * The postings are the index's own arrays, in shared memory, or the file they map, mapped here
 * too (no copy either way). Plain JavaScript so that it runs under node, tsx and vitest alike.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { searchRange } from './bm25-kernel.mjs';
import { mapFile } from './mapped-file.mjs';

const { source, size } = workerData;
const postings = source.file === undefined ? source : mappedPostings(source);
const acc = new Float32Array(size);

parentPort.on('message', ({ id, plan, k, lo, hi }) => {
  try {
    const r = searchRange(postings, plan, k, lo, hi, acc);
    parentPort.postMessage({ id, indices: r.indices, scores: r.scores }, [r.indices.buffer, r.scores.buffer]);
  } catch (err) {
    // The caller walks the range itself: a failed search only costs time.
    acc.fill(0);
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});

function mappedPostings({ file, arrays }) {
  const bytes = mapFile(file);
  if (!bytes) throw new Error(`cannot map ${file}`);
  const view = (Type, { byteOffset, length }) => new Type(bytes.buffer, bytes.byteOffset + byteOffset, length);
  return { offsets: view(Uint32Array, arrays.offsets), docs: view(Uint32Array, arrays.docs), impacts: view(Uint16Array, arrays.impacts) };
}
