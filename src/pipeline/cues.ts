// Cue phrases from the lexicons ("attack*", "claimed responsibility") matched on folded word tokens.

import { nameKeys, type Token } from './text.ts';

interface Cue<T> {
  keys: string[];
  /** The last key is a prefix ("attack*"). */
  prefix: boolean;
  value: T;
}

export interface CueHit<T> {
  value: T;
  /** Token index of the first and last word. */
  first: number;
  last: number;
}

const NONE: never[] = [];

export class CueSet<T> {
  private byFirst = new Map<string, Cue<T>[]>();
  /**
   * One-word prefix cues ("attack*") by the first code unit of the prefix: a token is tried only against the
   * prefixes that start as it does, not against all of them (this loop was the build's slowest line).
   */
  private prefixByFirstCode = new Map<number, Cue<T>[]>();

  constructor(entries: { phrase: string; value: T }[]) {
    for (const { phrase, value } of entries) {
      const prefix = phrase.endsWith('*');
      const keys = nameKeys(prefix ? phrase.slice(0, -1) : phrase);
      if (keys.length === 0) continue;
      const cue = { keys, prefix, value };
      if (prefix && keys.length === 1) {
        const code = (keys[0] as string).charCodeAt(0);
        const list = this.prefixByFirstCode.get(code) ?? [];
        list.push(cue);
        this.prefixByFirstCode.set(code, list);
      } else {
        const list = this.byFirst.get(keys[0] as string) ?? [];
        list.push(cue);
        this.byFirst.set(keys[0] as string, list);
      }
    }
  }

  private fits(cue: Cue<T>, tokens: Token[], i: number): boolean {
    const n = cue.keys.length;
    if (i + n > tokens.length) return false;
    for (let k = 0; k < n; k++) {
      const key = (tokens[i + k] as Token).key;
      const want = cue.keys[k] as string;
      if (k === n - 1 && cue.prefix ? !key.startsWith(want) : key !== want) return false;
    }
    return true;
  }

  /** Every cue occurrence, in token order; input order of the entries breaks ties at one position. */
  find(tokens: Token[]): CueHit<T>[] {
    const hits: CueHit<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const key = (tokens[i] as Token).key;
      for (const cue of this.byFirst.get(key) ?? NONE) {
        if (this.fits(cue, tokens, i))
          hits.push({ value: cue.value, first: i, last: i + cue.keys.length - 1 });
      }
      for (const cue of this.prefixByFirstCode.get(key.charCodeAt(0)) ?? NONE) {
        if (key.startsWith(cue.keys[0] as string)) hits.push({ value: cue.value, first: i, last: i });
      }
    }
    return hits;
  }
}
