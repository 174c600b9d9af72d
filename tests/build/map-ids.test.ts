// The map layer's writer keeps incident ids as numbers while every id is 8 hex digits (the build's), and as
// strings from the first one that is not: the ids list it writes is then every id, in order, as given.
import { expect, it } from 'vitest';
import { mapChunks } from '../../src/pipeline/output-chunks.ts';
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
