import { ScaleType, type Color } from '@swimlane/ngx-charts';

/** Chart colours that read on light and dark surfaces alike (mid-tone, AA against both for marks). */
export const CHART_SCHEME: Color = {
  name: 'soraaya',
  selectable: true,
  group: ScaleType.Ordinal,
  domain: ['#3f78d9', '#8a5cd6', '#2e9d7a', '#e08a2e', '#d2486b', '#5aa0c8', '#9aa23a', '#7d7d8c'],
};

export const SENTIMENT_SCHEME: Color = {
  name: 'sentiment',
  selectable: true,
  group: ScaleType.Ordinal,
  domain: ['#2e9d5a', '#8c8c99', '#d2486b'],
};

/** Low answer rates recede into the surface, high ones stand out: light and dark variants. */
export const HEAT_SCHEME: Color = {
  name: 'heat',
  selectable: false,
  group: ScaleType.Linear,
  domain: ['#e6eefc', '#9dbcf0', '#3f78d9', '#1b3f8a'],
};
export const HEAT_SCHEME_DARK: Color = {
  name: 'heat-dark',
  selectable: false,
  group: ScaleType.Linear,
  domain: ['#1c2433', '#28467a', '#3f78d9', '#a9c7ff'],
};

/** Counts have whole-number ticks only. */
export const integerTicks = (v: number): string => (Number.isInteger(v) ? String(v) : '');
