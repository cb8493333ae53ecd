import type { TranscriptTurn } from '@soraaya/contracts';
import { digitiseNumbers } from './number-words';
import { norm, sentences, userTurns } from './transcript-view';
import { localParts } from '@soraaya/service-kit';
import { addDays, formatInZone, zonedTimeToInstant } from './zoned-time';

/** The user asks to be called (English and Hinglish). */
const CALL_INTENT =
  /\b(?:call|ring|phone|buzz|try)\s+(?:me|us|back|again|karo|karna|kar do|kijiye|kariye|karein|karen|kar lena)\b|\bcall\s+(?:karo|karna|kar|kijiye|kariye|karein|karen|kar lena)\b|\b(?:to|can|could|please|pls)\s+call\b|\bcall back\b|\bcallback\b|\bbaat karte hain\b|\bbaat karenge\b|\bphone karo\b|\breach me\b|\bcontact me\b|\bspeak (?:then|at)\b|\btalk (?:then|at|tomorrow|tonight|later at)\b|\bget back to (?:me|us)\b|\bcatch (?:me|us)\b|\bgive (?:me|us) a (?:call|ring|buzz|shout)\b|\bbaat kar (?:lena|lenge|lete hain|sakte hain)\b|\bphone kar (?:lena|dena|do)\b|\bring back\b|\b(?:you|u) (?:can |could |may )?(?:call|ring)\b/;
/** The assistant asked when to call. */
const WHEN_ASKED =
  /\b(?:kab call|kab baat|kab phone|when (?:should|can|shall|may|would|could) (?:i|we)|what time|which time|better time|good time to call|kis time|kitne baje)\b/;

/** The agent promises to call at a time ("I'll call you then", "I will call you back on Sunday"). */
const AGENT_WILL_CALL = /\b(?:i'?ll|i will|we'?ll|we will|i shall)\s+(?:call|ring|phone|try)\s+(?:you|aapko)\b(?:\s+back)?\s*(?:then|at|on|tomorrow|at that time|again then)\b|\b(?:main|hum)\s+(?:aapko\s+)?(?:tab|usi time|us time)\s+call\b/;

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  ravivar: 0,
  monday: 1,
  mon: 1,
  somvar: 1,
  tuesday: 2,
  tue: 2,
  mangalvar: 2,
  wednesday: 3,
  wed: 3,
  budhvar: 3,
  thursday: 4,
  thu: 4,
  guruvar: 4,
  friday: 5,
  fri: 5,
  shukravar: 5,
  saturday: 6,
  shanivar: 6,
};

type DayPart = 'morning' | 'afternoon' | 'evening' | 'night' | undefined;

interface Spec {
  dayOffset?: number;
  weekday?: number;
  hour?: number;
  minute?: number;
  meridiem?: 'am' | 'pm';
  part?: DayPart;
  relativeMinutes?: number;
}

function dayPartOf(text: string): DayPart {
  if (/\b(?:morning|subah|savere|sawere)\b/.test(text)) return 'morning';
  if (/\b(?:afternoon|dopahar|dopehar|lunch ?time)\b/.test(text)) return 'afternoon';
  if (/\b(?:tonight|night|raat|late)\b/.test(text)) return 'night';
  if (/\b(?:evening|shaam|sham|this eve)\b/.test(text)) return 'evening';
  return undefined;
}

function parseSpec(raw: string): Spec {
  const text = digitiseNumbers(norm(raw))
    .replace(
      /\b(\d{1,2})\.(5|25|75)\b(?=\s*(?:baje|bje|o'?clock|a\.?m|p\.?m))/g,
      (_m, h: string, f: string) => `${h}:${f === '5' ? '30' : f === '25' ? '15' : '45'}`,
    )
    .replace(/\bhalf past (\d{1,2})\b/g, '$1:30')
    .replace(/\bquarter past (\d{1,2})\b/g, '$1:15')
    .replace(/\bquarter to (\d{1,2})\b/g, (_m, h: string) => `${Number(h) - 1}:45`);
  const spec: Spec = { part: dayPartOf(text) };

  const rel =
    /\b(?:in|after|within|give me|allow me|need)\s+(?:(?:about|around|another|an other|just|some|roughly|maybe|like)\s+)?(\d+(?:\.\d+)?|an?|half an?)\s*(hours?|hrs?|minutes?|mins?)\b|\b(\d+(?:\.\d+)?|ek|aadhe|half an?|an?)\s+(ghante|ghanta|minute|min|minutes|hours?)\s+(?:mein|baad|ke baad|later|from now)\b/.exec(
      text,
    );
  if (rel) {
    const qty = rel[1] ?? rel[3] ?? '1';
    const n = qty === 'a' || qty === 'an' || qty === 'ek' ? 1 : qty.startsWith('half') || qty === 'aadhe' ? 0.5 : Number(qty);
    const unit = rel[2] ?? rel[4] ?? '';
    spec.relativeMinutes = Math.round(/^(?:h|ghant)/.test(unit) ? n * 60 : n);
    if (qty.startsWith('half') && /^h/.test(unit)) spec.relativeMinutes = 30;
  }

  if (/\b(?:day after tomorrow|parso|parson|parsoon)\b/.test(text)) spec.dayOffset = 2;
  else if (/\b(?:tomorrow|tmrw|tomorow|kal)\b/.test(text)) spec.dayOffset = 1;
  else if (/\b(?:today|tonight|aaj|this (?:evening|afternoon|morning))\b/.test(text)) spec.dayOffset = 0;
  const wd = new RegExp(String.raw`\b(${Object.keys(WEEKDAYS).join('|')})\b`).exec(text);
  if (wd && spec.dayOffset === undefined) spec.weekday = WEEKDAYS[wd[1]!];

  // Clock time: "4:30", "6 pm", "at 6", "10 baje", "around eleven", "seven-ish", "8 o'clock".
  const clock =
    /\b(\d{1,2})[:.](\d{2})\s*(a\.?m\.?|p\.?m\.?)?(?!\d)/.exec(text) ??
    /\b(\d{1,2})\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/.exec(text) ??
    /\b(\d{1,2})\s*(?:baje|bje|o'?clock|-?ish)\b/.exec(text) ??
    /\b(?:at|around|about|by|after|say|before|till|until|approx\.?)\s+(?:about\s+|around\s+)?(\d{1,2})\b(?!\s*(?:hours?|hrs?|minutes?|mins?|days?|months?|years?|bhk|crore|cr|lakh|%|percent|people))/.exec(
      text,
    );
  if (clock) {
    const hour = Number(clock[1]);
    let minute = 0;
    let meridiem: string | undefined;
    if (clock[2] && /^\d{2}$/.test(clock[2])) {
      minute = Number(clock[2]);
      meridiem = clock[3];
    } else meridiem = clock[2];
    if (hour <= 23 && minute <= 59) {
      spec.hour = hour;
      spec.minute = minute;
      if (meridiem) spec.meridiem = meridiem.startsWith('a') ? 'am' : 'pm';
    }
  }
  return spec;
}

/**
 * 24-hour clock from a spoken hour. Without am/pm: morning words mean am, afternoon/evening/
 * night words mean pm, and otherwise 1–7 is afternoon or evening (nobody asks for a 6 am
 * call) while 8–11 is morning.
 */
function to24h(hour: number, meridiem: Spec['meridiem'], part: DayPart): number {
  if (hour > 12) return hour;
  if (meridiem === 'am') return hour === 12 ? 0 : hour;
  if (meridiem === 'pm') return hour === 12 ? 12 : hour + 12;
  if (part === 'morning') return hour === 12 ? 12 : hour;
  if (part === 'afternoon' || part === 'evening') return hour === 12 ? 12 : hour + 12;
  if (part === 'night') return hour === 12 ? 0 : hour < 5 ? hour : hour + 12;
  if (hour === 12) return 12;
  return hour <= 7 ? hour + 12 : hour;
}

function resolve(spec: Spec, callStartedAt: string, timeZone: string): string | null {
  const start = new Date(callStartedAt);
  if (spec.relativeMinutes !== undefined) {
    return formatInZone(new Date(start.getTime() + spec.relativeMinutes * 60_000), timeZone);
  }
  if (spec.hour === undefined) return null;
  const now = localParts(start, timeZone);
  const hour = to24h(spec.hour, spec.meridiem, spec.part);
  const minute = spec.minute ?? 0;
  let offset = spec.dayOffset;
  if (offset === undefined && spec.weekday !== undefined) {
    offset = (spec.weekday - now.weekday + 7) % 7;
    if (offset === 0) offset = 7;
  }
  if (offset === undefined) {
    // A bare time means the next time the clock shows it.
    offset = hour * 60 + minute > now.hour * 60 + now.minute ? 0 : 1;
  }
  const d = addDays(now.year, now.month, now.day, offset);
  return formatInZone(zonedTimeToInstant(d.year, d.month, d.day, hour, minute, timeZone), timeZone);
}

/**
 * When the lead asked to be called back, as an ISO time with the lead zone's offset, or null
 * when no specific time was given ("call me later", "baad mein", "shaam ko"). The first turn
 * that both asks for a call (or answers "when should I call?") and names a time wins; later
 * confirmations ("eight o'clock is fine") do not override it.
 */
export function extractCallback(turns: readonly TranscriptTurn[], callStartedAt: string, timeZone: string): string | null {
  for (const turn of userTurns(turns)) {
    const text = norm(turn.text);
    const next = turns[turn.index + 1];
    // The agent agreeing to ring at the time the person just named ("Sunday at ten. I'll call you then.")
    // makes a proposed time ("Sunday morning works, say 10?") a call-back request.
    const confirmed = next?.role === 'assistant' && AGENT_WILL_CALL.test(norm(next.text));
    const asked = WHEN_ASKED.test(norm(turn.prompt)) || confirmed;
    if (!CALL_INTENT.test(text) && !asked) continue;
    const parts = sentences(turn.text);
    // The time may sit in the call-intent sentence or the one after ("…to call me. Tomorrow at 11.").
    for (let i = 0; i < parts.length; i++) {
      const s = norm(parts[i]!);
      if (!asked && !CALL_INTENT.test(s)) continue;
      const window = [parts[i - 1], parts[i], parts[i + 1]].filter(Boolean).join('. ');
      const own = parseSpec(parts[i]!);
      const spec = own.hour !== undefined || own.relativeMinutes !== undefined ? own : parseSpec(window);
      // Day words anywhere nearby still apply ("Tomorrow. At 6 then, call me.").
      if (spec.dayOffset === undefined && spec.weekday === undefined) {
        const nearby = parseSpec(window);
        spec.dayOffset = nearby.dayOffset;
        spec.weekday = nearby.weekday;
        spec.part ??= nearby.part;
      }
      const at = resolve(spec, callStartedAt, timeZone);
      if (at) return at;
    }
  }
  return null;
}
