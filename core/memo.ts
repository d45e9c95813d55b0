/**
 * Bounded caches. Chunks (and the units cut from them) are immutable within an index version,
 * so what is derived from their text (units, folded text, syllable indexes) is computed once per
 * chunk, not once per question; a question's analysis is read by several stages. Bounded by
 * count, the oldest forgotten first: a long-running service over a 100k-chunk index must not end
 * up holding a derived copy of every chunk it ever read.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();

  /** `refresh`: a read makes the entry the newest (least recently used goes first). */
  constructor(
    private readonly max: number,
    private readonly refresh = false,
  ) {}

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (this.refresh && v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): void {
    if (this.max <= 0) return;
    if (this.map.size >= this.max && !this.map.has(key)) this.map.delete(this.map.keys().next().value as K);
    this.map.set(key, value);
  }

  getOrCreate(key: K, make: () => V): V {
    let v = this.get(key);
    if (v === undefined && !this.map.has(key)) {
      v = make();
      this.set(key, v);
    }
    return v as V;
  }
}

/** `derive` remembered for the last `max` keys (by identity for objects, by value otherwise). */
export function memoize<K, V>(derive: (key: K) => V, max = 20_000): (key: K) => V {
  const cache = new BoundedMap<K, V>(max);
  // No closure per call: this sits on the hot path of every question.
  return (key) => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) cache.set(key, (v = derive(key)));
    return v as V;
  };
}
