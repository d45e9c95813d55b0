/**
 * Memoisation keyed by object identity, bounded. Chunks (and the units cut from them) are
 * immutable within an index version, so what is derived from their text (units, folded text,
 * syllable indexes) is computed once per chunk, not once per question. Bounded by count, the
 * oldest forgotten first: a long-running service over a 100k-chunk index must not end up
 * holding a derived copy of every chunk it ever read.
 */
export function memoByObject<K extends object, V>(derive: (key: K) => V, max = 20_000): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = derive(key);
      if (cache.size >= max) cache.delete(cache.keys().next().value as K);
      cache.set(key, value);
    }
    return value as V;
  };
}
