// The map layer's writer: incident ids kept as numbers while every id is 8 hex digits (the build's) and as
// strings from the first one that is not; a source cut from its JSON (the build's cached bytes) as from its object.
import { expect, it } from 'vitest';
import type { SourceOut } from '../../src/pipeline/contract.ts';
import { MapSourceWriter, mapChunks } from '../../src/pipeline/output-chunks.ts';
import { columnData, corpus } from '../map-layer/corpus.ts';

it('writes every id as given when a non-hex id comes after hex ones', () => {
  const { incidents, sources } = corpus(300, 20, true);
  const odd = incidents[200]!;
  incidents[200] = { ...odd, id: 'odd-id', properties: { ...odd.properties, id: 'odd-id' } };
  const cd = columnData(mapChunks(incidents, sources));
  expect(cd.dicts.ids).toEqual(incidents.map((f) => f.properties.id));
  expect(cd.manifest.columns.some((c) => c.name === 'id')).toBe(false);
  const hex = columnData(mapChunks(corpus(300, 20, true).incidents, sources));
  expect(hex.dicts.ids).toBeUndefined();
});

it('cuts a source from its JSON into the same bytes as from the object', () => {
  const tricky: SourceOut[] = [
    { id: 'a"b\\', file: 'a.txt', title: '","file":"x', publisher: null, published: '2024-05-04', text: 'x' },
    { id: 'b', file: 'b.txt', title: null, publisher: 'P', published: null, text: 'He said ,"text":"no" \ud800 é' },
    { id: 'c', file: 'c.txt', title: 'T', publisher: null, published: null, text: '' },
  ];
  const all = [...corpus(10, 40).sources, ...tricky];
  /** `json`: each source given as its JSON, as text or as bytes (the build's cached fragments). */
  const run = (json: false | 'text' | 'bytes', contentCut: boolean) => {
    const files = new Map<string, string>();
    const text = (d: string | Uint8Array) => (typeof d === 'string' ? d : Buffer.from(d).toString('utf8'));
    const w = new MapSourceWriter((p, d) => files.set(p, (files.get(p) ?? '') + text(d)), {
      sourcesPerChunk: 7,
      contentCut,
    });
    const add = (s: object) => {
      if (json === 'text') w.addSourceJson(JSON.stringify(s));
      else if (json === 'bytes') w.addSourceJson(Buffer.from(JSON.stringify(s)));
      else w.addSource(s as SourceOut);
    };
    all.forEach(add);
    // Not a SourceOut's key order: parsed, the same bytes still.
    const { text: t, ...rest } = all[0]!;
    add(json ? { text: t, ...rest } : all[0]!);
    expect(w.finish()).toBe(all.length + 1);
    return files;
  };
  for (const cut of [false, true]) {
    const want = run(false, cut);
    expect(want.size).toBeGreaterThan(3);
    expect([...run('text', cut)]).toEqual([...want]);
    expect([...run('bytes', cut)]).toEqual([...want]);
  }
});
