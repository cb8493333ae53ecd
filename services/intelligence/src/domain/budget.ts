import type { TranscriptTurn } from '@soraaya/contracts';
import { digitiseNumbers } from './number-words';
import { norm, sentences, userTurns } from './transcript-view';

/** Rupees; a single figure has min = max, "up to X" has min null, "X plus" has max null. */
export interface BudgetInr {
  min: number | null;
  max: number | null;
}

const NUM = String.raw`\d+(?:\.\d+)?`;
const UNIT = String.raw`(?:crores?|cr|cror|karor|karod|khokh[ae]s?|khokha|lakhs?|lacs?|lac|million\s+(?:rupees|inr|rs))\b`;
const RUPEE = String.raw`(?:₹|rs\.?|inr)?\s*`;
const SEP = String.raw`\s*(?:-|to|se|and|or|ya)\s*`;

const RANGE = new RegExp(String.raw`(?:between\s+)?${RUPEE}(${NUM})\s*(${UNIT})?${SEP}${RUPEE}(${NUM})\s*(${UNIT})`, 'g');
const SINGLE = new RegExp(String.raw`${RUPEE}(${NUM})\s*(${UNIT})`, 'g');
/** "₹3.5" with the rupee sign but no word unit: read as crore (the only scale luxury buyers quote bare). */
const RUPEE_BARE = new RegExp(String.raw`₹\s*(${NUM})(?!\s*(?:${UNIT}|\d))`, 'g');
/** A figure with no unit after a budget word ("up to 10", "under 4", "12 ke aas paas"). */
const UNITLESS = new RegExp(
  String.raw`(?:\b(?:up ?to|upto|max(?:imum)?|under|below|within|around|about|roughly|approx(?:imately)?|between|can do|can go(?: up)? to|stretch(?: up)? to|not more than|no more than|not above|not beyond|at least|atleast|minimum|ballpark|ceiling(?: is| of)?|cap(?: is| of)?|limit(?: is| of)?|budget(?: is| hai| of)?)[,:]?\s+)(${NUM})(?:\s*(?:-|to|and|se)\s*(${NUM}))?(?!\s*(?:${UNIT}|bhk|b\.h\.k|bed|bedroom|br\b|months?|mahin|years?|saal|min|hours?|ghant|baje|pm|am|a\.m|p\.m|o'clock|percent|%|floors?|sq|acres?|days?|din|weeks?|kids|people|times|calls?|th\b|st\b|nd\b|rd\b|:|\.\d|\d|lakh|cr|million|mn\b|billion|bn\b|k\b|thousand|grand|dollars?|usd|pounds?|gbp|euros?|dirhams?|aed|sgd))`,
  'g',
);
const ALSO_UNITLESS_AFTER = new RegExp(String.raw`\b(${NUM})\s+(?:ke\s+)?(?:aas\s*paas|around|tak\b)`, 'g');
/** "somewhere in the 7 to 9 range", "the 10-12 bracket": a bare range named as a range. */
/** A whole answer that is only a figure or a range ("Five and a half to six and a half."), read as a budget when one was asked for. */
const BARE_ANSWER = new RegExp(String.raw`^\s*(?:(?:around|about|roughly|maybe|approx)\s+)?(${NUM})(?:\s*(?:-|to|se)\s*(${NUM}))?\s*(?:,?\s*(?:sir|madam|ma'am|ji|only|or so|ish|approx(?:imately)?))?\s*[.!]?\s*$`, 'g');

const UNITLESS_RANGE = new RegExp(String.raw`\b(${NUM})\s*(?:-|to)\s*(${NUM})\s+(?:range|bracket|band|ballpark)\b`, 'g');

const MAX_BEFORE =
  /\b(?:up ?to|upto|max(?:imum)?|under|below|not more than|no more than|not (?:above|over|beyond)|less than|at most|within|can go(?: up)? to|stretch(?: up)? to|(?:ceiling|cap|limit|upper limit)(?: of| is| hai)?)[,:]?\s*$/;
const MAX_AFTER =
  /^\s*(?:tak\b|se kam|ke andar|ke neeche|ke niche|se (?:upar|zyada|jyada|adhik) nahi|max(?:imum)?\b|tops\b|at most|or less|at the most)/;
const MIN_BEFORE = /\b(?:at least|atleast|minimum|min|above|more than|over|upwards of|starting(?: from| at)?)\s*$/;
const MIN_AFTER = /^\s*(?:plus\b|\+|or more|and above|onwards|upwards|ke upar|se zyada hi|se (?:upar|zyada|jyada)(?! nahi)|minimum)/;

/** Amounts near these words are payments, prices of other things or income, not the budget. */
const NOT_BUDGET =
  /\b(?:token|booking amount|advance|deposit|emi|rent|maintenance|per sq|sq\.? ?ft|square f|stamp duty|registration|brokerage|commission|salary|income|bonus|ctc|package|paid|spent|invested|lost|sold|down ?payment|loan (?:of|amount)|sanction(?:ed)?|refund(?:ed)?|eligib(?:le|ility))\b/;
const FOREIGN_NEAR = /^\s*(?:dollars?|usd|pounds?|gbp|euros?|dirhams?|aed|sgd)\b/;
/** A sentence about a foreign-currency amount: its bare figures are not rupees. */
const FOREIGN_SENTENCE = /\$|£|€|\b(?:dollars?|usd|pounds?|gbp|euros?|dirhams?|aed|sgd|million|billion)\b/;
const BUDGET_CONTEXT = /\b(?:budget|price|crore|cr\b|lakh|range|afford|kitna|spend|comfortable|set aside|khokh)/;
const STATEMENT_CUE = /\b(?:budget|i can|we can|comfortable|afford|my|our|hai\b|set aside|thinking|looking)/;

interface Found {
  pos: number;
  value: BudgetInr;
}

function unitValue(unit: string | undefined): number | undefined {
  if (!unit) return undefined;
  if (/^(?:crore|cr|cror|karor|karod|khokh)/.test(unit)) return 1e7;
  if (/^(?:lakh|lac)/.test(unit)) return 1e5;
  if (/^million/.test(unit)) return 1e6;
  return undefined;
}

function qualify(a: number, text: string, start: number, end: number): BudgetInr {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 25);
  if (MAX_BEFORE.test(before) || MAX_AFTER.test(after)) return { min: null, max: a };
  if (MIN_BEFORE.test(before) || MIN_AFTER.test(after)) return { min: a, max: null };
  return { min: a, max: a };
}

function excluded(text: string, start: number, end: number): boolean {
  const around = text.slice(Math.max(0, start - 30), Math.min(text.length, end + 30));
  return NOT_BUDGET.test(around) || FOREIGN_NEAR.test(text.slice(end));
}

function overlaps(found: Found[], start: number): boolean {
  return found.some((f) => f.pos === start);
}

/** Every INR amount stated in one sentence, in order. `lastUnit` fills in a figure with no unit. */
export function amountsIn(
  sentence: string,
  lastUnit: number | undefined,
  budgetContext: boolean,
): { found: Found[]; unit: number | undefined } {
  const text = digitiseNumbers(norm(sentence));
  const found: Found[] = [];
  const taken: Array<[number, number]> = [];
  let unit = lastUnit;
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && e > a);

  for (const m of text.matchAll(RANGE)) {
    const start = m.index;
    const end = start + m[0].length;
    const u2 = unitValue(m[4]);
    const u1 = unitValue(m[2]) ?? u2;
    if (!u1 || !u2 || excluded(text, start, end)) {
      taken.push([start, end]);
      continue;
    }
    const a = Math.round(Number(m[1]) * u1);
    const b = Math.round(Number(m[3]) * u2);
    // "3 BHK se 4 crore" would not match; "2 to 5 crore" where a > b means the first figure was not money.
    if (a > b) continue;
    found.push({ pos: start, value: { min: a, max: b } });
    taken.push([start, end]);
    unit = u2;
  }
  for (const m of text.matchAll(SINGLE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    taken.push([start, end]);
    const u = unitValue(m[2]);
    if (!u || excluded(text, start, end)) continue;
    found.push({ pos: start, value: qualify(Math.round(Number(m[1]) * u), text, start, end) });
    unit = u;
  }
  for (const m of text.matchAll(RUPEE_BARE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!free(start, end) || excluded(text, start, end)) continue;
    taken.push([start, end]);
    found.push({ pos: start, value: qualify(Math.round(Number(m[1]) * 1e7), text, start, end) });
  }
  const context = (budgetContext || BUDGET_CONTEXT.test(text)) && !FOREIGN_SENTENCE.test(text);
  if (context) {
    for (const re of budgetContext ? [UNITLESS_RANGE, UNITLESS, ALSO_UNITLESS_AFTER, BARE_ANSWER] : [UNITLESS_RANGE, UNITLESS, ALSO_UNITLESS_AFTER]) {
      for (const m of text.matchAll(re)) {
        const numStart = m.index + m[0].indexOf(m[1]!);
        const end = m.index + m[0].length;
        if (!free(numStart, end) || overlaps(found, numStart) || excluded(text, numStart, end)) continue;
        const n1 = Number(m[1]);
        const u = unit ?? (n1 < 100 ? 1e7 : undefined);
        if (!u) continue;
        taken.push([numStart, end]);
        const a = Math.round(n1 * u);
        if (m[2] !== undefined) {
          const b = Math.round(Number(m[2]) * u);
          if (a <= b) found.push({ pos: numStart, value: { min: a, max: b } });
          continue;
        }
        // The qualifier is part of this match, so judge it from the text before the number.
        found.push({ pos: numStart, value: qualify(a, text, numStart, numStart + m[1]!.length) });
      }
    }
  }
  found.sort((x, y) => x.pos - y.pos);
  return { found, unit };
}

function amountValues(text: string): Set<number> {
  const values = new Set<number>();
  for (const s of sentences(text)) {
    for (const f of amountsIn(s, undefined, false).found) {
      if (f.value.min !== null) values.add(f.value.min);
      if (f.value.max !== null) values.add(f.value.max);
    }
  }
  return values;
}

/**
 * The lead's budget in rupees: the last INR figure the user states. Prices the assistant
 * quotes (and the user merely echoes back in surprise), token payments and foreign-currency
 * figures are not budgets.
 */
export function extractBudget(turns: readonly TranscriptTurn[]): BudgetInr | null {
  let last: BudgetInr | null = null;
  let unit: number | undefined;
  for (const turn of userTurns(turns)) {
    const quoted = amountValues(turn.assistantBefore);
    const askedBudget = BUDGET_CONTEXT.test(norm(turn.prompt));
    for (const s of sentences(turn.text)) {
      const r = amountsIn(s, unit, askedBudget);
      unit = r.unit;
      const sNorm = norm(s);
      for (const f of r.found) {
        const echo = [f.value.min, f.value.max].every((v) => v === null || quoted.has(v));
        if (echo && !STATEMENT_CUE.test(sNorm)) continue;
        // "Under 4. Four crore, that is." restates the bound; it does not drop it.
        const v = f.value.min;
        if (last && v !== null && f.value.max === v && (last.min === null || last.max === null) && (last.min ?? last.max) === v) continue;
        last = f.value;
      }
    }
  }
  return last;
}
