import type { TranscriptTurn } from '@soraaya/contracts';
import { norm, sentences, userTurns } from './transcript-view';

/** Canonical name → aliases (lower-case). Luxury micro-markets first, then cities. */
export const GAZETTEER: Record<string, string[]> = {
  // Mumbai
  Worli: ['worli'],
  Bandra: ['bandra', 'bandra west', 'bandra east', 'bandra w'],
  'Pali Hill': ['pali hill'],
  Juhu: ['juhu'],
  'Lower Parel': ['lower parel', 'parel'],
  Powai: ['powai'],
  Khar: ['khar', 'khar west'],
  Santacruz: ['santacruz', 'santa cruz'],
  Andheri: ['andheri', 'andheri west', 'andheri east'],
  Versova: ['versova'],
  'Malabar Hill': ['malabar hill'],
  'Breach Candy': ['breach candy'],
  Prabhadevi: ['prabhadevi'],
  Dadar: ['dadar'],
  Colaba: ['colaba'],
  'Cuffe Parade': ['cuffe parade'],
  Tardeo: ['tardeo'],
  Mahalaxmi: ['mahalaxmi', 'mahalakshmi'],
  'Napean Sea Road': ['napean sea road', 'nepean sea road'],
  'Altamount Road': ['altamount road'],
  'Marine Drive': ['marine drive'],
  BKC: ['bkc', 'bandra kurla complex'],
  Goregaon: ['goregaon'],
  Chembur: ['chembur'],
  Thane: ['thane'],
  'Navi Mumbai': ['navi mumbai'],
  Borivali: ['borivali'],
  Kandivali: ['kandivali'],
  Mulund: ['mulund'],
  Wadala: ['wadala'],
  Ghatkopar: ['ghatkopar'],
  Vikhroli: ['vikhroli'],
  Alibaug: ['alibaug', 'alibag'],
  Lonavala: ['lonavala', 'lonavla'],
  // Bengaluru
  Whitefield: ['whitefield'],
  Koramangala: ['koramangala'],
  Indiranagar: ['indiranagar', 'indira nagar'],
  'HSR Layout': ['hsr layout', 'hsr'],
  Jayanagar: ['jayanagar'],
  'JP Nagar': ['jp nagar'],
  Hebbal: ['hebbal'],
  'Sarjapur Road': ['sarjapur road', 'sarjapur'],
  Yelahanka: ['yelahanka'],
  Devanahalli: ['devanahalli'],
  'Electronic City': ['electronic city'],
  'Bannerghatta Road': ['bannerghatta road', 'bannerghatta'],
  Sadashivanagar: ['sadashivanagar', 'sadashivnagar'],
  'Lavelle Road': ['lavelle road'],
  Malleshwaram: ['malleshwaram', 'malleswaram'],
  'Richmond Town': ['richmond town'],
  'Frazer Town': ['frazer town'],
  Bellandur: ['bellandur'],
  Marathahalli: ['marathahalli'],
  Hennur: ['hennur'],
  'Kanakapura Road': ['kanakapura road'],
  'Old Airport Road': ['old airport road'],
  // Gurugram / NCR
  'Golf Course Road': ['golf course road', 'gcr'],
  'Golf Course Extension Road': ['golf course extension road', 'golf course extension', 'gcer'],
  'DLF Phase 5': ['dlf phase 5', 'dlf phase v', 'phase 5', 'phase v', 'dlf 5'],
  'DLF Phase 1': ['dlf phase 1', 'dlf phase i'],
  'DLF Phase 2': ['dlf phase 2'],
  'DLF Phase 3': ['dlf phase 3'],
  'DLF Phase 4': ['dlf phase 4'],
  'Sohna Road': ['sohna road', 'sohna'],
  'Dwarka Expressway': ['dwarka expressway'],
  'Cyber City': ['cyber city'],
  'Sushant Lok': ['sushant lok'],
  'Southern Peripheral Road': ['southern peripheral road', 'spr'],
  'Vasant Vihar': ['vasant vihar'],
  'Golf Links': ['golf links'],
  'Jor Bagh': ['jor bagh'],
  'Greater Kailash': ['greater kailash', 'gk'],
  'Defence Colony': ['defence colony'],
  Chanakyapuri: ['chanakyapuri'],
  Noida: ['noida'],
  'Greater Noida': ['greater noida'],
  // Pune
  'Koregaon Park': ['koregaon park', 'kp', 'koregaon'],
  'Kalyani Nagar': ['kalyani nagar', 'kalyaninagar'],
  Baner: ['baner'],
  Aundh: ['aundh'],
  'Viman Nagar': ['viman nagar'],
  Kharadi: ['kharadi'],
  Hinjewadi: ['hinjewadi', 'hinjawadi'],
  Wakad: ['wakad'],
  'Boat Club Road': ['boat club road'],
  'Prabhat Road': ['prabhat road'],
  Magarpatta: ['magarpatta'],
  Balewadi: ['balewadi'],
  Pashan: ['pashan'],
  Bavdhan: ['bavdhan'],
  'Model Colony': ['model colony'],
  Mundhwa: ['mundhwa'],
  // Hyderabad
  'Jubilee Hills': ['jubilee hills', 'jubilee hill'],
  'Banjara Hills': ['banjara hills', 'banjara hill'],
  Gachibowli: ['gachibowli'],
  Kokapet: ['kokapet'],
  'HITEC City': ['hitec city', 'hitech city', 'hi-tech city', 'hitex'],
  Madhapur: ['madhapur'],
  'Financial District': ['financial district'],
  Kondapur: ['kondapur'],
  Manikonda: ['manikonda'],
  Narsingi: ['narsingi'],
  Nanakramguda: ['nanakramguda'],
  Tellapur: ['tellapur'],
  Puppalaguda: ['puppalaguda', 'puppalguda'],
  Neopolis: ['neopolis'],
  // Goa
  Assagao: ['assagao', 'assagaon'],
  Anjuna: ['anjuna'],
  Vagator: ['vagator'],
  Siolim: ['siolim'],
  Candolim: ['candolim'],
  Calangute: ['calangute'],
  Baga: ['baga'],
  Porvorim: ['porvorim'],
  Panjim: ['panjim', 'panaji'],
  'Dona Paula': ['dona paula'],
  Moira: ['moira'],
  Aldona: ['aldona'],
  Morjim: ['morjim'],
  Mandrem: ['mandrem'],
  'North Goa': ['north goa'],
  'South Goa': ['south goa'],
  // Chennai
  'Boat Club': ['boat club'],
  'Poes Garden': ['poes garden'],
  Nungambakkam: ['nungambakkam'],
  Adyar: ['adyar'],
  ECR: ['ecr', 'east coast road'],
  OMR: ['omr', 'old mahabalipuram road', 'rajiv gandhi salai'],
  'Anna Nagar': ['anna nagar'],
  'Besant Nagar': ['besant nagar'],
  'T Nagar': ['t nagar', 'thyagaraya nagar'],
  Alwarpet: ['alwarpet'],
  Mylapore: ['mylapore'],
  Kotturpuram: ['kotturpuram'],
  'RA Puram': ['ra puram', 'r a puram', 'raja annamalaipuram'],
  Velachery: ['velachery'],
  Sholinganallur: ['sholinganallur'],
  Guindy: ['guindy'],
  // Kolkata
  Alipore: ['alipore'],
  Ballygunge: ['ballygunge'],
  'New Town': ['new town', 'newtown'],
  Rajarhat: ['rajarhat'],
  'Salt Lake': ['salt lake', 'bidhannagar'],
  'EM Bypass': ['em bypass', 'e m bypass'],
  Tollygunge: ['tollygunge'],
  'Park Street': ['park street'],
  // Delhi NCR
  'Noida Expressway': ['noida expressway'],
  'Noida Extension': ['noida extension', 'greater noida west'],
  Dwarka: ['dwarka'],
  Saket: ['saket'],
  'Vasant Kunj': ['vasant kunj'],
  'Sainik Farms': ['sainik farms'],
  'Panchsheel Park': ['panchsheel park', 'panchsheel'],
  'Lutyens Delhi': ['lutyens delhi', 'lutyens', "lutyens' delhi"],
  'Hauz Khas': ['hauz khas'],
  Faridabad: ['faridabad'],
  Ghaziabad: ['ghaziabad'],
  Indirapuram: ['indirapuram'],
  // Ahmedabad
  'SG Highway': ['sg highway', 's g highway', 'sarkhej gandhinagar highway'],
  Bodakdev: ['bodakdev'],
  Thaltej: ['thaltej'],
  'Prahlad Nagar': ['prahlad nagar', 'prahladnagar'],
  'Sindhu Bhavan Road': ['sindhu bhavan road', 'sindhu bhavan'],
  'GIFT City': ['gift city'],
  Gandhinagar: ['gandhinagar'],
  // Kochi
  Kakkanad: ['kakkanad'],
  Edappally: ['edappally', 'edapally'],
  'Panampilly Nagar': ['panampilly nagar'],
  Vyttila: ['vyttila'],
  // Chandigarh tricity
  Mohali: ['mohali'],
  Panchkula: ['panchkula'],
  Zirakpur: ['zirakpur'],
  'New Chandigarh': ['new chandigarh'],
  // Thane / Navi Mumbai
  'Ghodbunder Road': ['ghodbunder road', 'ghodbunder'],
  Vashi: ['vashi'],
  Kharghar: ['kharghar'],
  Nerul: ['nerul'],
  Belapur: ['belapur', 'cbd belapur'],
  Panvel: ['panvel'],
  Airoli: ['airoli'],
  // Cities
  Mumbai: ['mumbai', 'bombay', 'south mumbai', 'sobo'],
  Bengaluru: ['bengaluru', 'bangalore'],
  Gurugram: ['gurugram', 'gurgaon'],
  Pune: ['pune'],
  Hyderabad: ['hyderabad'],
  Goa: ['goa'],
  Delhi: ['delhi', 'new delhi'],
  'Delhi NCR': ['delhi ncr', 'ncr'],
  Chennai: ['chennai', 'madras'],
  Kolkata: ['kolkata', 'calcutta'],
  Ahmedabad: ['ahmedabad', 'amdavad'],
  Kochi: ['kochi', 'cochin', 'ernakulam'],
  Chandigarh: ['chandigarh', 'tricity'],
  Jaipur: ['jaipur'],
  Lucknow: ['lucknow'],
  Indore: ['indore'],
  Nagpur: ['nagpur'],
  Coimbatore: ['coimbatore'],
  Mysuru: ['mysuru', 'mysore'],
  Visakhapatnam: ['visakhapatnam', 'vizag'],
  Nashik: ['nashik'],
};

const ALIASES: Array<{ alias: string; canonical: string; re: RegExp }> = Object.entries(GAZETTEER)
  .flatMap(([canonical, aliases]) => aliases.map((alias) => ({ alias, canonical })))
  .sort((a, b) => b.alias.length - a.alias.length)
  .map(({ alias, canonical }) => ({
    alias,
    canonical,
    re: new RegExp(String.raw`(?<![a-z])${alias.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![a-z])`, 'g'),
  }));

/** Canonical name of a place the gazetteer knows, or the input trimmed. */
export function canonicalLocation(name: string): string {
  const n = norm(name);
  return ALIASES.find((a) => a.alias === n)?.canonical ?? name.trim();
}

/** Context just before a place that means the lead does not want it. */
const EXCLUDE_BEFORE = [
  /\b(?:not|no|except|avoid|anything but|but not|never|na)\s+(?:in\s+)?(?:the\s+)?$/,
  /\b(?:live|lives|living|stay|stays|staying|reside|residing|rehte|rehta|rehti|based|settled)\s+(?:\w+\s+)?(?:in|at|near)\s+$/,
  /\b(?:brother|sister|parents|father|mother|son|daughter|family|in-laws|friend|cousin|uncle|aunt)\s+(?:\w+\s+)?(?:in|at|from)\s+$/,
  /\b(?:office|work|working|job|posted|kaam)\s+(?:\w+\s+){0,2}(?:in|at|near)\s+$/,
  /\b(?:travel(?:l)?ing|flying|going|driving|headed|heading|trip|visiting|coming back from|came from)\s+(?:to|from|in)?\s*$/,
  /\b(?:bought|booked|purchased|invested|put money|own|owned|have)\s+(?:\w+\s+){0,4}(?:in|at)\s+$/,
  /\b(?:took|taken|got|registered|finali[sz]ed|closed)\s+(?:a|an|one|the|our|my)?\s*(?:\w+\s+){0,2}(?:flat|house|place|apartment|villa|unit|property|plot|home)\s+(?:in|at)\s+$/,
  /\bfrom\s+$/,
  /\b(?:grew up|born|brought up|raised|studied|schooling)\s+(?:\w+\s+){0,2}(?:in|near|at)\s+$|\bhome ?town\s+(?:is\s+)?$/,
  /\b(?:i'll|i will|we'll|we will|i'd|we'd|i was|we were)\s+be\s+in\s+$|\b(?:i'm|we're|i am|we are|i was|we were)\s+(?:currently\s+|now\s+|already\s+|there\s+|presently\s+|at present\s+|right now\s+|still\s+)?in\s+$/,
  /\bbuying in\s+$/,
  // "our Andheri place", "my Powai flat": what they own now.
  /\b(?:our|my)\s+(?:current\s+|old\s+|present\s+)?$/,
  /\b(?:sell|selling|sold|rent out|renting out|let out)\s+(?:off\s+)?(?:our|my|the)?\s*(?:\w+\s+)?$/,
];
/** Context just after a place that means the lead does not want it. */
const EXCLUDE_AFTER = [
  /^\s*(?:is|are|was)?\s*(?:too|bahut|very|kaafi)\s+(?:far|door|crowded|expensive|noisy|congested)/,
  /^\s*(?:mein|me)?\s*(?:nahi|nahin)\b(?!\s*(?:toh|to)\b)/,
  /^[^.?!,]{0,25}\b(?:door hai|is far|too far)/,
  /^\s*se\s+(?:aana|aata|aati|jaana|commute|roz)/,
  /^\s*(?:wala|waala)?\s*(?:office|ofc)\b/,
  /^\s*(?:is|was)?\s*(?:out|not for me|not an option|nahi chalega)/,
];
/** After "our/my X": a thing they have, not a place they want. */
const OWNED_AFTER = /^\s*(?:place|flat|home|house|apartment|bungalow|villa|property|wala ghar|waala ghar|ghar|traffic|office)\b/;
/** A sentence about what they already have or did, or a hypothetical comparison. */
const EXCLUDE_SENTENCE = [/\bfor that (?:price |money |amount )?(?:i|you|we) (?:can|could)\b/, /\balready (?:bought|booked|own|have)\b/];
const THERE_WANTED =
  /^[^.?!]{0,40}\b(?:want|wants|looking for|buy|get|settle|prefer|chahiye|lena hai)\b[^.?!]{0,25}\b(?:there|wahan|wahin|udhar)\b/;
const SAME_AREA =
  /\b(?:same area|same locality|same place|same neighbourhood|same neighborhood|wahi area|isi area|usi area|nearby only|there itself)\b/;

const WANT_CUE = /\b(?:want|wants|looking|prefer|chahiye|interested|something|only|like|likes|suits|somewhere|area)\b/;
/** Capitalised words after "in/near" that are not places a lead buys in. */
const NOT_PLACES = new Set(
  `january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday
  india dubai london singapore america usa us uk canada australia germany europe sydney toronto california texas new jersey york abu dhabi qatar doha
  muscat kuwait riyadh hong kong maharashtra karnataka telangana haryana kerala tamil nadu gujarat rajasthan punjab
  lodha prestige sobha dlf godrej hiranandani oberoi piramal rustomjee sunteck panchshil isprava tata brigade kolte mahindra shapoorji runwal kalpataru
  whatsapp email english hindi rera i the a my our your his her this that it`.split(/\s+/),
);

/** "tired of the Andheri traffic", "never enquired about anything in Mumbai": the lead pushes the place away. */
const AVERSE_BEFORE =
  /\b(?:tired of|sick of|fed up (?:of|with)|away from|get out of|move out of|escape|hate|don't like|do not like)\s+(?:the\s+)?(?:\w+\s+)?$|\b(?:never|didn't|did not|haven't|have not|not)\s+(?:\w+\s+)?(?:enquired|inquired|asked|looked|searched|applied|registered)\b[^.,;]{0,30}$/;

function rejectedBy(before: string, after: string): boolean {
  return (
    AVERSE_BEFORE.test(before) ||
    /\b(?:not|no|except|avoid|anything but|never)\s+(?:in\s+)?(?:the\s+)?(?:[a-z]+-\s*)?$/.test(before) ||
    /^\s*(?:is|are|was)?\s*(?:too|bahut|very|kaafi)\s+(?:far|door|crowded|expensive|noisy|congested)|^[^.?!,]{0,25}\b(?:door hai|is far|too far)|^\s*(?:mein|me)?\s*(?:nahi|nahin)\b(?!\s*(?:toh|to)\b)|^\s*(?:is|was)?\s*(?:out|not for me|not an option|nahi chalega)/.test(
      after,
    )
  );
}

/**
 * Places the lead wants, canonicalised. A place counts only when the user names it as wanted
 * or takes it up; places they live or work in, already bought in, travel to or reject do not.
 * A place named by the assistant and answered with a bare "yes" does not count. Places the
 * gazetteer lacks are kept in the lead's spelling when said as wanted ("something in Versova").
 */
export function extractLocations(turns: readonly TranscriptTurn[]): string[] {
  const wanted: string[] = [];
  const rejected = new Set<string>();
  const livesIn: string[] = [];
  const add = (c: string) => {
    if (!wanted.includes(c)) wanted.push(c);
  };
  for (const turn of userTurns(turns)) {
    for (const raw of sentences(turn.text)) {
      const s = norm(raw);
      const skipSentence = EXCLUDE_SENTENCE.some((p) => p.test(s));
      const taken: Array<[number, number]> = [];
      const here: Array<{ pos: number; canonical: string }> = [];
      for (const { canonical, re } of ALIASES) {
        for (const m of s.matchAll(re)) {
          const start = m.index;
          const end = start + m[0].length;
          if (taken.some(([a, b]) => start < b + 1 && end > a)) continue;
          taken.push([start, end]);
          if (skipSentence) continue;
          const before = s.slice(Math.max(0, start - 40), start);
          const after = s.slice(end, end + 40);
          if (rejectedBy(before, after)) {
            rejected.add(canonical);
            continue;
          }
          const owned = /\b(?:our|my)\s+(?:current\s+|old\s+|present\s+)?$/.test(before);
          const excludedBefore = EXCLUDE_BEFORE.some((p) => p.test(before)) && (!owned || OWNED_AFTER.test(after));
          if (excludedBefore || EXCLUDE_AFTER.some((p) => p.test(after))) {
            if (/\b(?:live|lives|living|stay|staying|rehte)\b/.test(before)) livesIn.push(canonical);
            // "my grandparents were from Goa, I want a villa there": "there" takes the place up.
            if (THERE_WANTED.test(after) && !/\b(?:bought|booked|purchased|took|own|owned)\b/.test(before)) here.push({ pos: start, canonical });
            continue;
          }
          here.push({ pos: start, canonical });
        }
      }
      here.sort((a, b) => a.pos - b.pos).forEach((h) => add(h.canonical));
      if (SAME_AREA.test(s)) livesIn.forEach(add);
      if (!skipSentence && WANT_CUE.test(s)) {
        for (const m of raw.matchAll(/\b(?:in|near|around)\s+([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]+){0,2})/g)) {
          const name = m[1]!;
          const lower = norm(name);
          if (lower.split(' ').some((w) => NOT_PLACES.has(w))) continue;
          if (ALIASES.some((a) => new RegExp(a.re.source).test(lower))) continue;
          const start = s.indexOf(lower);
          const before = s.slice(Math.max(0, start - 40), start);
          if (EXCLUDE_BEFORE.some((p) => p.test(before)) || rejectedBy(before, s.slice(start + lower.length))) continue;
          add(name);
        }
      }
    }
  }
  return wanted.filter((w) => !rejected.has(w));
}
