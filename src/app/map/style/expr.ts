// Small pieces every layer group's style uses.
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';

/** A boolean feature state (hover, selected, focus) that is false when unset. */
export const flag = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];

export const EMPTY_FC = { type: 'FeatureCollection' as const, features: [] };
