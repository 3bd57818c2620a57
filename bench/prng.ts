// A small seeded pseudo-random number generator (sfc32, seeded through splitmix32) so that the
// benchmark clusters are the same on every machine and every run. Math.random is never used.

/** Deterministic stream of numbers; every method advances the stream. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item chosen with probability proportional to its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
}

/** A stream for `seed` and a label, so that independent parts of a cluster draw from independent streams. */
export function randomStream(seed: number, label: string): Random {
  let state = mix(seed >>> 0);
  for (let i = 0; i < label.length; i++) state = mix((state ^ label.charCodeAt(i)) >>> 0);
  let a = mix(state);
  let b = mix(a);
  let c = mix(b);
  let d = 1;
  const next32 = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 32-bit variant).
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32(); // discard the first outputs, as sfc32's author advises
  const next = (): number => next32() / 4294967296;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    weighted: <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of entries) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = entries[entries.length - 1];
      if (last === undefined) throw new Error('weighted pick from an empty list');
      return last[0];
    },
  };
}

/** splitmix32 finaliser: spreads a 32-bit value over all bits. */
function mix(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
