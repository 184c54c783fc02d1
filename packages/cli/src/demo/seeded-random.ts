const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex32(value: number): string {
  return HEX[value >>> 24]! + HEX[(value >>> 16) & 255]! + HEX[(value >>> 8) & 255]! + HEX[value & 255]!;
}

function hex16(value: number): string {
  return HEX[(value >>> 8) & 255]! + HEX[value & 255]!;
}

/**
 * sfc32: 128 bits of state, so ids made of four draws do not collide the way mulberry32's
 * 32-bit state would after a few million uuids (a birthday bound at 2^16 ids per 2^32 states).
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let warmUp = 0; warmUp < 15; warmUp++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Exponentially distributed with the given mean: the gap between events of a memoryless habit. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }

  /** `words` * 8 hex digits. */
  hex(words: number): string {
    let out = '';
    for (let i = 0; i < words; i++) out += hex32(this.uint32());
    return out;
  }

  /** A version-4 uuid drawn from this stream. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    return (
      hex32(a) +
      '-' +
      hex16(b >>> 16) +
      '-' +
      hex16((b & 0x0fff) | 0x4000) +
      '-' +
      hex16(((c >>> 16) & 0x3fff) | 0x8000) +
      '-' +
      hex16(c & 0xffff) +
      hex32(d)
    );
  }
}

/** A weighted choice compiled once, drawn many times. */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: Float64Array;

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, weight]) => weight > 0);
    if (kept.length === 0) throw new Error('a weighted table needs at least one positive weight');
    this.values = kept.map(([value]) => value);
    this.cumulative = new Float64Array(kept.length);
    let total = 0;
    kept.forEach(([, weight], i) => {
      total += weight;
      this.cumulative[i] = total;
    });
    for (let i = 0; i < kept.length; i++) this.cumulative[i] = this.cumulative[i]! / total;
  }

  draw(random: SeededRandom): T {
    const roll = random.next();
    const last = this.values.length - 1;
    for (let i = 0; i < last; i++) if (roll < this.cumulative[i]!) return this.values[i]!;
    return this.values[last]!;
  }
}
