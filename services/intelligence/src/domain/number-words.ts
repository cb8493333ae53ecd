/**
 * Rewrites spoken numbers as digits so the extractors can match one shape:
 * "twenty-five" → "25", "two and a half" → "2.5", "four and a quarter" → "4.25", "four point seven five" → "4.75",
 * Hindi "paanch" → "5", "dedh" → "1.5", "saadhe chaar" → "4.5". Operates on normalised
 * (lower-case) text.
 */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/**
 * Hindi/Hinglish numerals. "do" (2) and "ek" clash with English and Hindi function words,
 * so those two are only read before a unit (see HINDI_BEFORE_UNIT).
 */
const HINDI: Record<string, number> = {
  teen: 3,
  char: 4,
  chaar: 4,
  paanch: 5,
  panch: 5,
  chhe: 6,
  chhah: 6,
  chheh: 6,
  saat: 7,
  aath: 8,
  nau: 9,
  das: 10,
  dus: 10,
  gyarah: 11,
  gyaarah: 11,
  barah: 12,
  baarah: 12,
  terah: 13,
  chaudah: 14,
  pandrah: 15,
  solah: 16,
  satrah: 17,
  atharah: 18,
  unnis: 19,
  bees: 20,
  pachees: 25,
  pachis: 25,
  tees: 30,
  chalis: 40,
  pachaas: 50,
  pachas: 50,
};
const HINDI_BEFORE_UNIT: Record<string, number> = { ek: 1, do: 2 };
const UNIT_AFTER = String.raw`(?=\s*(?:crores?|cr\b|karor|karod|khokh|lakhs?|lacs?|baje|ghante|mahine|saal))`;

const WORD_NUM = [...Object.keys(TENS), ...Object.keys(UNITS)].join('|');
const HINDI_NUM = Object.keys(HINDI).join('|');

function wordValue(w: string): number | undefined {
  return UNITS[w] ?? TENS[w] ?? HINDI[w] ?? HINDI_BEFORE_UNIT[w];
}

export function digitiseNumbers(input: string): string {
  let s = input;
  // Compound tens: "twenty-five", "twenty five".
  s = s.replace(
    new RegExp(String.raw`\b(${Object.keys(TENS).join('|')})[- ](one|two|three|four|five|six|seven|eight|nine)\b`, 'g'),
    (_m, t: string, u: string) => String((TENS[t] ?? 0) + (UNITS[u] ?? 0)),
  );
  // Hindi fractions: dedh = 1.5, dhai = 2.5, saadhe N = N + .5, sawa N = N + .25, paune N = N - .25.
  s = s.replace(/\b(?:dedh|derh)\b/g, '1.5').replace(/\b(?:dhai|dhaai|adhai|dhaee)\b/g, '2.5');
  const anyNum = String.raw`(\d+(?:\.\d+)?|${WORD_NUM}|${HINDI_NUM}|ek|do)`;
  s = s.replace(new RegExp(String.raw`\b(?:saadhe|sade|saade|sadhe)\s+${anyNum}\b`, 'g'), (_m, n: string) => String(toNum(n) + 0.5));
  s = s.replace(new RegExp(String.raw`\bsawa\s+${anyNum}\b`, 'g'), (_m, n: string) => String(toNum(n) + 0.25));
  s = s.replace(new RegExp(String.raw`\bpaune\s+${anyNum}\b`, 'g'), (_m, n: string) => String(toNum(n) - 0.25));
  // "two and a half" / "2 and a half" / "one and half".
  s = s.replace(new RegExp(String.raw`\b(\d+|${WORD_NUM})\s+and\s+(?:a\s+)?half\b`, 'g'), (_m, n: string) => String(toNum(n) + 0.5));
  // "four and a quarter" / "three and three quarters".
  s = s.replace(new RegExp(String.raw`\b(\d+|${WORD_NUM})\s+and\s+(?:a|one)\s+quarter\b`, 'g'), (_m, n: string) => String(toNum(n) + 0.25));
  s = s.replace(new RegExp(String.raw`\b(\d+|${WORD_NUM})\s+and\s+three\s+quarters?\b`, 'g'), (_m, n: string) => String(toNum(n) + 0.75));
  // "four point seven five" / "1 point 5".
  s = s.replace(
    new RegExp(String.raw`\b(\d+|${WORD_NUM})\s+point\s+((?:(?:zero|one|two|three|four|five|six|seven|eight|nine|\d)\s*)+)`, 'g'),
    (_m, n: string, frac: string) => {
      const digits = frac
        .trim()
        .split(/\s+/)
        .map((d) => (/^\d$/.test(d) ? d : String(UNITS[d] ?? 0)))
        .join('');
      return `${toNum(n)}.${digits} `;
    },
  );
  // "half a crore" / "a crore" / "a lakh".
  s = s.replace(/\bhalf (?:a )?(crore|cr\b|lakh)/g, '0.5 $1').replace(/\b(?:a|one) (crore|lakh)/g, '1 $1');
  // Remaining single words.
  s = s.replace(new RegExp(String.raw`\b(${WORD_NUM}|${HINDI_NUM})\b`, 'g'), (w) => String(wordValue(w)));
  s = s.replace(new RegExp(String.raw`\b(ek|do)\b${UNIT_AFTER}`, 'g'), (w) => String(wordValue(w)));
  // "5,00,000" / "1,500,000" → plain digits.
  s = s.replace(/\b\d{1,3}(?:,\d{2,3})+\b/g, (m) => m.replace(/,/g, ''));
  return s.replace(/\s+/g, ' ');
}

function toNum(n: string): number {
  if (/^\d/.test(n)) return Number(n);
  return wordValue(n) ?? 0;
}
