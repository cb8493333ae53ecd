import type { TranscriptTurn } from '@soraaya/contracts';
import { norm, userTurns } from './transcript-view';

const AMENITIES: Array<[string, RegExp]> = [
  ['sea view', /\bsea[- ](?:view|facing|face)\b|\bsamundar\b/],
  ['lake view', /\blake[- ]?(?:view|facing)\b|\bnear the lake\b|\blake ke paas\b/],
  ['golf view', /\bgolf[- ](?:view|facing)\b/],
  ['terrace', /\bterrace\b/],
  ['garden', /\bgarden\b|\blawn\b/],
  ['private pool', /\b(?:private |small |own )?(?:swimming )?pool\b/],
  ['gym', /\bgym\b|\bfitness (?:centre|center)\b/],
  ['clubhouse', /\bclub ?house\b/],
  ['parking', /\bparking\b|\bcar park\b/],
  ['servant room', /\bservant(?:'s)? (?:room|quarter)|\bstaff room\b|\bmaid'?s room\b/],
  ['high floor', /\bhigh(?:er)? floors?\b/],
  ['balcony', /\bbalcon(?:y|ies)\b/],
  ['ready to move', /\bready (?:to move|possession|house|home|unit)\b/],
  ['vastu compliant', /\bvastu\b/],
  ['security', /\bgated\b|\b24 ?x ?7 security\b|\bsecurity\b/],
  ['kids play area', /\bplay (?:area|ground)\b/],
  ['power backup', /\bpower back ?up\b/],
  ['wheelchair access', /\bwheelchair\b/],
  ['near school', /\bschool\b.{0,20}\b(?:near|close)\b|\b(?:near|close to) (?:the )?school\b/],
];

/** Amenities the lead asks for, named canonically, in the order first mentioned. */
export function extractAmenities(turns: readonly TranscriptTurn[]): string[] {
  const text = userTurns(turns)
    .map((t) => norm(t.text))
    .join(' \n ');
  return AMENITIES.filter(([, re]) => re.test(text))
    .map(([name, re]) => ({ name, pos: text.search(re) }))
    .sort((a, b) => a.pos - b.pos)
    .map((a) => a.name);
}
