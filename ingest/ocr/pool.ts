import { OcrError } from './errors.js';

/**
 * Maps over items with at most `concurrency` promises in flight, keeping order.
 * OCR work runs in child processes, so a bounded pool of promises is the worker
 * pool: the event loop only waits on pipes.
 */
export async function mapPool<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const width = Math.max(1, Math.min(Math.floor(concurrency) || 1, items.length));
  async function worker(): Promise<void> {
    while (next < items.length) {
      if (signal?.aborted) throw new OcrError('aborted', 'OCR aborted');
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}
