// Remembers the last 200/206 answer of each GET by its ETag so a refresh can send If-None-Match and a 304 costs
// no body. Bounded (least recently used goes first). One cache per client, so per token.

export interface CachedPage {
  etag: string;
  body: unknown;
  nextRange?: string;
}

export class EtagCache {
  private readonly map = new Map<string, CachedPage>();

  constructor(private readonly capacity = 2000) {}

  static key(variant: string, path: string, range: string | undefined): string {
    return `${variant} ${path} ${range ?? ''}`;
  }

  get(key: string): CachedPage | undefined {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }

  set(key: string, page: CachedPage): void {
    this.map.delete(key);
    this.map.set(key, page);
    while (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}
