import type { TranscriptTurn } from '@soraaya/contracts';
import { norm, sentences, userTurns } from './transcript-view';

export type PropertyType = 'apartment' | 'villa' | 'penthouse' | 'commercial' | 'plot' | 'townhouse' | 'other';

const TYPES: Array<[PropertyType, RegExp]> = [
  ['penthouse', /\bpent ?house(?:s)?\b/],
  ['townhouse', /\b(?:town ?house|row ?house|rowhouse)s?\b/],
  ['villa', /\b(?:villas?|bungalows?|independent (?:house|home|bungalow)s?|kothi|farm ?house)\b/],
  ['plot', /\b(?:plots?|land parcel|a piece of land|zameen)\b/],
  ['commercial', /\b(?:commercial|office space|shop|showroom|retail space)\b/],
  [
    'apartment',
    /\b(?:\d\s*(?:\.5\s*)?bhk|bhk|flats?|apartments?|condos?|\d\s*bed(?:room)?s?|(?:one|two|three|four|five|six) ?bed(?:room)?s?|duplex|sample flat|high floor)\b/,
  ],
];

/** A mention that is not a wish: what they already own, a comparison, a negation, a generic aside. */
const NOT_WANTED_BEFORE =
  /\b(?:not|no|nahi|don't want|dont want|instead of|rather than)\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+)?$|\b(?:before we (?:get into|talk about|discuss))\s+$/;
const NOT_WANTED_AFTER = /^\s*(?:nahi|nahin|not|mein interest nahi|number|no\.|owner|keeper|wala hai)\b/;
const NOT_WANTED_SENTENCE =
  /\b(?:already (?:\w+ ){0,3}(?:bought|booked|purchased|own|have)|we (?:have |'ve )?(?:bought|booked|purchased|took|taken)|i (?:have |'ve )?(?:bought|booked|purchased|took)|for that (?:price |money )?(?:i|you|we) (?:can|could)|wrong number|galat number)\b/;

/**
 * The kind of home the lead wants, from their own words only. A type the assistant offers
 * counts when the user echoes it. The first wanted mention wins ("the penthouse, not a four BHK"
 * has the negated BHK removed).
 */
export function extractPropertyType(turns: readonly TranscriptTurn[]): PropertyType | null {
  for (const turn of userTurns(turns)) {
    for (const raw of sentences(turn.text)) {
      const s = norm(raw);
      if (NOT_WANTED_SENTENCE.test(s)) continue;
      let first: { pos: number; type: PropertyType } | undefined;
      for (const [type, re] of TYPES) {
        for (const m of s.matchAll(new RegExp(re.source, 'g'))) {
          const before = s.slice(Math.max(0, m.index - 30), m.index);
          const after = s.slice(m.index + m[0].length, m.index + m[0].length + 25);
          if (NOT_WANTED_BEFORE.test(before) || NOT_WANTED_AFTER.test(after)) continue;
          if (!first || m.index < first.pos) first = { pos: m.index, type };
        }
      }
      if (first) return first.type;
    }
  }
  return null;
}
