/**
 * A bounded least-recently-used map of strings, bounded by entry count and by the total length of
 * keys and values (a 500-node workflow is ~150 kB of text: the weight bound is what keeps memory flat).
 */
export class StringLru {
  private readonly entries = new Map<string, string>();
  private weight = 0;

  constructor(
    readonly maxEntries: number,
    /** Sum of key.length + value.length over all entries, in UTF-16 code units. */
    readonly maxWeight: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get totalWeight(): number {
    return this.weight;
  }

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Map keeps insertion order: re-inserting marks the entry as the most recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: string): void {
    const weight = key.length + value.length;
    if (weight > this.maxWeight) return; // would evict everything else and still not fit
    const previous = this.entries.get(key);
    if (previous !== undefined) {
      this.entries.delete(key);
      this.weight -= key.length + previous.length;
    }
    this.entries.set(key, value);
    this.weight += weight;
    for (const [oldestKey, oldestValue] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.weight <= this.maxWeight) break;
      this.entries.delete(oldestKey);
      this.weight -= oldestKey.length + oldestValue.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }
}
