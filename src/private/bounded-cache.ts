/**
 * A memo of string keys with a bound on what it keeps: at most `maxEntries` entries, and no key
 * longer than `maxKeyLength` (such keys are computed each time). When full, it starts over: the
 * strings of a synth repeat (names, labels, images), so the next entries are the ones that count,
 * and clearing costs nothing per entry. A process that synthesizes many apps, or apps with large
 * config files, keeps a bounded amount of memory.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries: number, private readonly maxKeyLength: number) {}

  /** The cached value of `key`, computing and keeping it when it may be kept. */
  public get(key: string, compute: (key: string) => V): V {
    const cached = this.entries.get(key);
    if (cached !== undefined || this.entries.has(key)) {
      return cached as V;
    }
    const value = compute(key);
    if (key.length <= this.maxKeyLength) {
      if (this.entries.size >= this.maxEntries) {
        this.entries.clear();
      }
      this.entries.set(key, value);
    }
    return value;
  }

  /** How many entries it holds now. */
  public get size(): number {
    return this.entries.size;
  }
}
