import type { TranscriptTurn } from '@soraaya/contracts';
import { digitiseNumbers } from './number-words';
import { norm, sentences, userTurns } from './transcript-view';
import { localParts } from '@soraaya/service-kit';

export type Timeline = 'immediate' | '3_months' | '6_months' | '1_year';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
/** Festivals and seasons buyers time purchases by, as the month they fall in. */
const FESTIVALS: Record<string, number> = {
  sankranti: 1,
  pongal: 1,
  lohri: 1,
  'new year': 1,
  'republic day': 1,
  holi: 3,
  'gudi padwa': 3,
  ugadi: 3,
  'akshaya tritiya': 4,
  'akshay tritiya': 4,
  onam: 9,
  'ganesh chaturthi': 9,
  ganpati: 9,
  navratri: 10,
  dussehra: 10,
  dasara: 10,
  diwali: 11,
  deepavali: 11,
  dhanteras: 11,
  christmas: 12,
  'year end': 12,
  'year-end': 12,
  'end of (?:this|the) year': 12,
  'before the year (?:ends|is out)': 12,
  'saal ke (?:end|aakhir|ant)': 12,
};
/**
 * Seasons and yearly events buyers plan around, first match wins: India's school year and the
 * monsoon start in June (so "before" them means May), bonuses land at the financial year end.
 */
const SEASONS: Array<[RegExp, number]> = [
  [/\b(?:before|ahead of) (?:the )?(?:monsoon|rains)\b|\b(?:monsoon|baarish) se pehle\b/, 5],
  [/\b(?:after|post) (?:the )?(?:monsoon|rains)\b|\b(?:monsoon|baarish) ke baad\b/, 10],
  [/\bmonsoon\b/, 6],
  [/\b(?:before|ahead of|in time for) (?:the )?(?:new |next )?(?:school|academic) (?:year|session)\b|\bbefore (?:the )?schools? (?:reopen|start)/, 5],
  [/\b(?:school|academic) (?:year|session)\b|\bschools? (?:reopen|start)/, 6],
  [/\bsummer (?:vacation|holidays?|break)\b|\bgarmi(?:yon)? ki chhutti\b|\bby summer\b|\bthis summer\b/, 5],
  [/\b(?:after|once|when) (?:my |the |our )?(?:annual |year-end )?(?:bonus|appraisal|increment)\b/, 4],
];

/** Ranked signals: a duration or "immediately" beats a named month, which beats a bare "next year". */
interface Signal {
  strength: number;
  months: number;
}

const NOT_PURCHASE =
  /\b(?:call|ring|baat|talk|speak|meeting|driving|busy|last|ago|back|since|for the past|been living|living|relocat|moving back|move back|shift(?:ing)? back|visa|posting|transfer|agreement|lease)\b|(?<!\b(?:se|ke) )\bpehle\b/;
/** Life events: a date for them is a purchase deadline only when the lead buys "before"/"by" them. */
const LIFE_EVENT = /\b(?:school|wedding|shaadi|marriage|married|exams?)\b/;
const DEADLINE = /\b(?:before|by|ahead of|in time for|se pehle|ke pehle|se pahle|tak)\b/;

function bucket(months: number): Timeline {
  if (months <= 1) return 'immediate';
  if (months <= 3) return '3_months';
  if (months <= 6) return '6_months';
  return '1_year';
}

const IMMEDIATE = [
  /\bimmediate(?:ly)?\b/,
  /\bthis month\b/,
  /\bis mahine\b/,
  /\bas soon as possible\b/,
  /\basap\b/,
  /\bright away\b/,
  /\bturant\b/,
  /\babhi(?: hi)? (?:lena|khareedna|kharidna|book)/,
  /\bthis week\b/,
  /\bnext (?:few|couple of) weeks\b/,
  /\bwithin (?:a|1|the) (?:week|fortnight)\b/,
  /\bready to (?:buy|book|sign) (?:now|today)\b/,
  /\bjaldi se jaldi\b/,
];
const DURATION = new RegExp(
  String.raw`\b(?:(?:a|1)\s+(month|year)\s+or\s+(\d+)|(\d+(?:\.\d+)?)(?:\s*(?:-|to|or|,|se|ya)\s*(\d+(?:\.\d+)?))?\s*(months?|mahin[ea]|mahino|years?|saal|yrs?)|(?:a|one|1)\s+(year|saal|month|mahina)|(?:a\s+)?(few|couple of|kuch)\s+(months|mahine|years|saal))\b`,
  'g',
);

function durationMonths(m: RegExpMatchArray): number | undefined {
  if (m[1]) return m[1] === 'year' ? 12 * Number(m[2]) : Number(m[2]);
  if (m[3]) {
    const n = Number(m[4] ?? m[3]);
    return /^(?:y|saal)/.test(m[5]!) ? n * 12 : n;
  }
  if (m[6]) return /^(?:y|saal)/.test(m[6]) ? 12 : 1;
  if (m[7]) {
    const yearly = /^(?:y|saal)/.test(m[8]!);
    if (m[7] === 'couple of') return yearly ? 24 : 2;
    return yearly ? 24 : 5;
  }
  return undefined;
}

function monthSignal(text: string, callMonth: number, callYear: number): number | undefined {
  let best: number | undefined;
  const consider = (month: number, year?: number) => {
    let delta = month - callMonth + (year !== undefined ? (year - callYear) * 12 : 0);
    if (year === undefined && delta < 0) delta += 12;
    if (best === undefined || delta > best) best = delta;
  };
  const monthRe = new RegExp(String.raw`\b(${Object.keys(MONTHS).join('|')})\b(?:\s+(20\d\d))?`, 'g');
  for (const m of text.matchAll(monthRe)) {
    // "may" is also a verb: only count it next to another month or after by/in/till.
    if (m[1] === 'may' && !/(?:by|in|till|until|around|before|-|,|april|apr)\s*$/.test(text.slice(0, m.index))) continue;
    if (m[1] === 'mar' || m[1] === 'jun' || m[1] === 'sep') continue;
    consider(MONTHS[m[1]!]!, m[2] ? Number(m[2]) : undefined);
  }
  const namedMonth = best !== undefined;
  for (const [name, month] of Object.entries(FESTIVALS)) {
    if (new RegExp(String.raw`\b(?:${name})\b`).test(text)) consider(month);
  }
  // A named month says when better than a season does ("after my bonus in March").
  const season = namedMonth ? undefined : SEASONS.find(([re]) => re.test(text));
  if (season) consider(season[1]);
  return best;
}

function signalsIn(raw: string, callMonth: number, callYear: number): Signal[] {
  const text = digitiseNumbers(norm(raw));
  const out: Signal[] = [];
  const purchaseWord = /\b(?:buy|purchase|close|book|sign|finali[sz]e|lena|khareed|kharid|move in|possession|deal)\b/.test(text);
  if ((NOT_PURCHASE.test(text) || (LIFE_EVENT.test(text) && !DEADLINE.test(text))) && !purchaseWord) {
    return out;
  }
  if (/\b(?:next|agle|agla|aane wale) (?:year|saal)\b|\blate next year\b|\byear or (?:2|two)\b|\bnext financial year\b/.test(text)) {
    // "early next year" said late in the year is only a couple of months away.
    const early = /\b(?:early|beginning of|start of|shuru mein) next year\b/.test(text);
    out.push({ strength: 1, months: early ? 12 + 2 - callMonth : 12 });
  }
  if (/\bnext quarter\b|\bthis quarter\b/.test(text)) out.push({ strength: 3, months: 3 });
  if (/\bnext month\b|\bagle mahine\b/.test(text)) out.push({ strength: 3, months: 2 });
  if (IMMEDIATE.some((p) => p.test(text)) && !/\b(?:not|nahi|no)\b.{0,12}\b(?:immediate|this month|abhi)/.test(text)) {
    out.push({ strength: 3, months: 0 });
  }
  for (const m of text.matchAll(DURATION)) {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (/\b(?:last|past|for|since|ago)\s*$|\b(?:been|for the last)\b/.test(before)) continue;
    const after = text.slice(m.index + m[0].length);
    if (/^\s*(?:ago|back|pehle|old)\b/.test(after)) continue;
    // A forward cue makes it a horizon; "eleven years." on its own is history.
    const forward =
      /\b(?:within|in|next|around|about|approx\w*|over|maybe|probably|roughly|say|another|coming|max(?:imum)?|under|like)\s+(?:the\s+)?(?:next\s+)?(?:about\s+)?(?:a\s+)?$/.test(
        before,
      ) || /^\s*(?:mein|me|main|mai|tak|ke andar|ke baad|baad|from now|or so|hence|time)\b/.test(after);
    if (!forward && !m[1] && !m[4]) continue;
    const months = durationMonths(m);
    if (months !== undefined) out.push({ strength: 3, months });
  }
  const month = monthSignal(text, callMonth, callYear);
  // A named month other than this one is at least a few weeks out, never "immediate".
  if (month !== undefined) out.push({ strength: 2, months: month === 0 ? 0 : Math.max(month, 2) });
  return out;
}

/**
 * The purchase horizon the lead states, bucketed. Durations ("within two, three months") and
 * "immediately" outrank named months and festivals relative to the call date, which outrank a
 * bare "next year" (often a relocation, not the purchase).
 */
export function extractTimeline(turns: readonly TranscriptTurn[], callStartedAt: string, timeZone: string): Timeline | null {
  const { year, month } = localParts(new Date(callStartedAt), timeZone);
  let best: Signal | undefined;
  for (const turn of userTurns(turns)) {
    for (const s of sentences(turn.text)) {
      for (const sig of signalsIn(s, month, year)) {
        if (!best || sig.strength >= best.strength) best = sig;
      }
    }
  }
  return best ? bucket(best.months) : null;
}
