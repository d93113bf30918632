/** A memo from ASCII tokens, read in place in a text, to their analyzed terms. */
export interface AsciiTermMemo {
  /**
   * The term of the token `text.slice(start, end)` (ASCII characters only), undefined for a dropped token (a stop
   * word). A known token costs a hash of its characters and one comparison: no string is made.
   */
  termAt(text: string, start: number, end: number): string | undefined;
  /** Tokens held. */
  readonly size: number;
}

/**
 * Memoizes `analyze` (a pure function of a raw ASCII token) in an open-addressing hash table keyed by the token's
 * characters, so an analyzer looks up a token it has seen before without slicing, lower-casing or stemming it again:
 * a corpus repeats a few tens of thousands of words a million times. At `limit` tokens the table starts over, so a
 * stream of unique tokens (ids, numbers) cannot grow it without bound.
 *
 * @example
 * const memo = createAsciiTermMemo((raw) => (raw === 'The' ? undefined : raw.toLowerCase()));
 * memo.termAt('The Cat', 4, 7); // 'cat'
 */
export function createAsciiTermMemo(analyze: (raw: string) => string | undefined, limit = 200_000): AsciiTermMemo {
  let capacity = 0;
  let mask = 0;
  let hashes = new Int32Array(0);
  let keys: (string | undefined)[] = [];
  let terms: (string | undefined)[] = [];
  let size = 0;

  const reset = (slots: number): void => {
    capacity = slots;
    mask = slots - 1;
    hashes = new Int32Array(slots);
    keys = new Array<string | undefined>(slots).fill(undefined);
    terms = new Array<string | undefined>(slots).fill(undefined);
    size = 0;
  };
  const insert = (hash: number, key: string, term: string | undefined): void => {
    let slot = hash & mask;
    while (keys[slot] !== undefined) slot = (slot + 1) & mask;
    hashes[slot] = hash;
    keys[slot] = key;
    terms[slot] = term;
    size++;
  };
  reset(1 << 12);

  return {
    get size() {
      return size;
    },
    termAt(text, start, end) {
      // FNV-1a over the UTF-16 code units.
      let hash = 0x811c9dc5 | 0;
      for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
      const length = end - start;
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const key = keys[slot];
        if (key === undefined) break;
        if (hashes[slot] === hash && key.length === length && text.startsWith(key, start)) return terms[slot];
      }
      // A copy, not a view: V8 makes a slice of 13 characters or more a view that keeps the whole text alive for as
      // long as the memo holds the token.
      const sliced = text.slice(start, end);
      const raw = length < 13 ? sliced : Buffer.from(sliced, 'latin1').toString('latin1');
      const term = analyze(raw);
      if (size >= limit) reset(capacity);
      else if ((size + 1) * 2 > capacity) {
        const old = { hashes, keys, terms };
        reset(capacity * 2);
        old.keys.forEach((key, slot) => {
          if (key !== undefined) insert(old.hashes[slot] ?? 0, key, old.terms[slot]);
        });
      }
      insert(hash, raw, term);
      return term;
    },
  };
}
