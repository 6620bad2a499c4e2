/**
 * Interning of texts without cutting a string per lookup: a text given as a span of a longer one (a cell of a
 * file's text) is hashed where it lies and looked up in an open-addressing table (linear probing, doubled at half
 * load); equal texts get one dense id, in order of first sight. Only a text seen for the first time is cut out.
 *
 * A slot holds the id, the hash, the length and, for texts of up to 20 characters below U+0100 (ids, dates,
 * most names), the characters themselves packed four to an integer, all in one 32-byte run of one typed array:
 * a lookup in a large table costs one cache miss, and ids are exact (characters compared, never hash guesses).
 * Longer texts are compared with the stored string. The reader's fast path (io/fast-rows.ts) keeps what it works
 * out per distinct cell value by these ids; the model builder numbers identities with them.
 */
import { detach } from './detach.js';

/** Dense ids for distinct texts. */
export interface Interner {
  /** The id of `text.slice(start, end)`. */
  span(text: string, start: number, end: number): number;
  /** The id of a text given as a string. */
  string(value: string): number;
  /** The text of id `id`. */
  value(id: number): string;
  /** Number of distinct texts so far (ids are 0 … size − 1). */
  readonly size: number;
}

/** Integers per slot: id + 1 (0: empty), hash, length (+ LONG when not packed), five packed words. */
const STRIDE = 8;
const PACKED_CHARS = 20;
const LONG = 0x40000000;

/** A fresh interner. */
export function createInterner(): Interner {
  return new TextInterner();
}

// A class, not a closure per table: every table shares one `span` function, so call sites that see several tables
// stay monomorphic and V8 can inline the lookup.
class TextInterner implements Interner {
  private cap = 1 << 10;
  private slots = new Int32Array(this.cap * STRIDE);
  private readonly values: string[] = [];

  get size(): number {
    return this.values.length;
  }

  value(id: number): string {
    return this.values[id]!;
  }

  string(value: string): number {
    return this.span(value, 0, value.length);
  }

  private grow(): void {
    const old = this.slots;
    this.cap *= 2;
    const slots = (this.slots = new Int32Array(this.cap * STRIDE));
    const mask = this.cap - 1;
    for (let j = 0; j < old.length; j += STRIDE) {
      if (old[j] === 0) continue;
      let k = old[j + 1]! & mask;
      while (slots[k * STRIDE] !== 0) k = (k + 1) & mask;
      const b = k * STRIDE;
      for (let x = 0; x < STRIDE; x++) slots[b + x] = old[j + x]!;
    }
  }

  span(text: string, start: number, end: number): number {
    const len = end - start;
    let h: number;
    let w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0;
    let wide = len > PACKED_CHARS;
    if (!wide) {
      // Pack the characters four to a word (a block at a time) and hash the words.
      let i = 0;
      for (let word = 0; i < len; word++) {
        let w = 0;
        const stop = Math.min(len, i + 4);
        for (let shift = 0; i < stop; i++, shift += 8) {
          const c = text.charCodeAt(start + i);
          if (c > 255) wide = true;
          w |= c << shift;
        }
        if (word === 0) w0 = w;
        else if (word === 1) w1 = w;
        else if (word === 2) w2 = w;
        else if (word === 3) w3 = w;
        else w4 = w;
      }
    }
    if (!wide) {
      h = Math.imul(len ^ 0x9e3779b9, 0x85ebca6b);
      h = Math.imul(h ^ w0 ^ (h >>> 15), 0xc2b2ae35);
      h = Math.imul(h ^ w1 ^ (h >>> 13), 0x85ebca6b);
      h = Math.imul(h ^ w2 ^ (h >>> 16), 0xc2b2ae35);
      h = Math.imul(h ^ w3 ^ (h >>> 13), 0x85ebca6b);
      h = Math.imul(h ^ w4 ^ (h >>> 16), 0xc2b2ae35);
    } else {
      h = 0x811c9dc5;
      for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    const tag = wide ? len | LONG : len;
    let slots = this.slots;
    let mask = this.cap - 1;
    let k = h & mask;
    for (;;) {
      const b = k * STRIDE;
      const id1 = slots[b]!;
      if (id1 === 0) break;
      if (slots[b + 1] === h && slots[b + 2] === tag) {
        if (wide) {
          if (text.startsWith(this.values[id1 - 1]!, start)) return id1 - 1;
        } else if (slots[b + 3] === w0 && slots[b + 4] === w1 && slots[b + 5] === w2 && slots[b + 6] === w3 && slots[b + 7] === w4) return id1 - 1;
      }
      k = (k + 1) & mask;
    }
    // A new text: cut it out once.
    const values = this.values;
    if (2 * (values.length + 1) > this.cap) {
      this.grow();
      slots = this.slots;
      mask = this.cap - 1;
      k = h & mask;
      while (slots[k * STRIDE] !== 0) k = (k + 1) & mask;
    }
    const id = values.length;
    // Its own copy: a value must not keep the text it was cut from alive (a streamed file's window).
    values.push(detach(start === 0 && end === text.length ? text : text.slice(start, end)));
    const b = k * STRIDE;
    slots[b] = id + 1;
    slots[b + 1] = h;
    slots[b + 2] = tag;
    if (!wide) {
      slots[b + 3] = w0;
      slots[b + 4] = w1;
      slots[b + 5] = w2;
      slots[b + 6] = w3;
      slots[b + 7] = w4;
    }
    return id;
  }
}
