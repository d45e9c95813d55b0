/**
 * Memoisation keyed by object identity. Chunks (and the units cut from them) are
 * immutable within an index version, so what the composer derives from their text
 * (units, folded text, syllable indexes) is computed once per chunk, not once per
 * question; a new index version brings new chunk objects and the old entries are
 * collected with them.
 */
export function memoByObject<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = derive(key);
      cache.set(key, value);
    }
    return value as V;
  };
}
