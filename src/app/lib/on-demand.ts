// What the first draw leaves out, fetched when it is needed: an incident's claims (its claims chunk) when it is
// opened, a source's text (its text chunk) for "Show in source", the claims of a filtered set for an export. Each
// chunk is fetched once (concurrent asks share the fetch; a failed fetch is forgotten, so asking again retries);
// what arrives is put into the incident's `claims` and the source's `text`, so every other reader sees full data.

import type {
  ClaimProps,
  ClaimsChunk,
  IncidentProps,
  SourceOut,
  TextChunk,
} from '../../pipeline/contract.ts';
import { claimsChunkFile, textChunkFile } from '../../pipeline/contract.ts';
import type { MaybeSlim } from './slim.ts';

export type FetchJson = (rel: string) => Promise<unknown>;

/** Chunks fetched at once for an export (the browser queues the rest anyway; this keeps memory even). */
const PARALLEL = 6;

export class OnDemand {
  private readonly claimChunks = new Map<number, Promise<Map<string, ClaimProps[]>>>();
  private readonly textChunks = new Map<number, Promise<Map<string, string>>>();
  private readonly done = new WeakSet<object>();

  /** `fetchJson` null: the data were loaded whole, everything is already there. */
  constructor(private readonly fetchJson: FetchJson | null) {}

  /** Whether the incident's claims are in memory (always, for data loaded whole). */
  hasClaims(p: IncidentProps): boolean {
    return this.fetchJson === null || typeof (p as MaybeSlim).claims_chunk !== 'number' || this.done.has(p);
  }

  hasText(s: SourceOut): boolean {
    return (
      this.fetchJson === null ||
      typeof (s as { text_chunk?: unknown }).text_chunk !== 'number' ||
      this.done.has(s)
    );
  }

  /** The incident's claims, fetched on first ask. */
  async claims(p: IncidentProps): Promise<ClaimProps[]> {
    if (this.hasClaims(p)) return p.claims;
    const n = (p as MaybeSlim).claims_chunk!;
    const chunk = await this.claimChunk(n);
    if (!this.done.has(p)) {
      const got = chunk.get(p.id);
      if (!got) throw new Error(`The claims of incident ${p.id} are not in ${claimsChunkFile(n)}.`);
      p.claims.push(...got);
      this.done.add(p);
    }
    return p.claims;
  }

  /** The claims of every incident given (an export), a few chunks at a time. */
  async allClaims(
    ps: readonly IncidentProps[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<void> {
    const todo = ps.filter((p) => !this.hasClaims(p));
    const chunks = [...new Set(todo.map((p) => (p as MaybeSlim).claims_chunk!))];
    let next = 0;
    let got = 0;
    const worker = async () => {
      while (next < chunks.length) {
        await this.claimChunk(chunks[next++]!);
        onProgress?.(++got, chunks.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, chunks.length) }, worker));
    for (const p of todo) await this.claims(p);
  }

  /** The source's cleaned text, fetched on first ask. */
  async text(s: SourceOut): Promise<string> {
    if (this.hasText(s)) return s.text;
    const n = (s as { text_chunk?: number }).text_chunk!;
    const chunk = await this.textChunk(n);
    if (!this.done.has(s)) {
      const text = chunk.get(s.id);
      if (text === undefined) throw new Error(`The text of source ${s.id} is not in ${textChunkFile(n)}.`);
      s.text = text;
      this.done.add(s);
    }
    return s.text;
  }

  private claimChunk(n: number): Promise<Map<string, ClaimProps[]>> {
    return this.once(this.claimChunks, n, claimsChunkFile(n), (rows: ClaimsChunk) => {
      const m = new Map<string, ClaimProps[]>();
      // first of each incident id, and of each claim id within it (keyed lists must stay sound, as on load)
      for (const [id, claims] of rows)
        if (!m.has(id)) {
          const seen = new Set<string>();
          m.set(
            id,
            claims.filter((c) => !seen.has(c.id) && !!seen.add(c.id)),
          );
        }
      return m;
    });
  }

  private textChunk(n: number): Promise<Map<string, string>> {
    return this.once(this.textChunks, n, textChunkFile(n), (rows: TextChunk) => {
      const m = new Map<string, string>();
      for (const [id, text] of rows) if (!m.has(id)) m.set(id, text);
      return m;
    });
  }

  private once<R, T>(
    cache: Map<number, Promise<T>>,
    n: number,
    rel: string,
    read: (rows: R) => T,
  ): Promise<T> {
    let p = cache.get(n);
    if (!p) {
      const fetchJson = this.fetchJson!;
      p = fetchJson(rel).then((rows) => {
        if (!Array.isArray(rows)) throw new Error(`${rel} is not a list.`);
        return read(rows as R);
      });
      p.catch(() => cache.delete(n));
      cache.set(n, p);
    }
    return p;
  }
}
