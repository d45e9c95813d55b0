/**
 * A full garbage collection between ingest phases.
 *
 * A large ingest leaves hundreds of megabytes of garbage behind each phase (the
 * embedding batches, the vector matrix once written out, the lexical index's
 * windows once on disk). V8 collects it only when the heap asks for room, and
 * during the graph build, the longest step, this thread allocates nothing while
 * the worker's graph grows: the garbage stayed resident to the end and the 100k-chunk
 * build peaked at ~1,050 MB RSS instead of ~800. Collecting at the two phase
 * boundaries is cheap (a few hundred ms at 100k chunks) next to a minute of graph.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null = null;

export function collectGarbage(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      // The documented way to reach gc() without starting node with --expose-gc: the flag
      // takes effect for contexts made after it is set.
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    }
  }
  collect();
}
