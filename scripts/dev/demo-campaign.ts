import type { PersonaWritable, PropertyWritable } from '@soraaya/contracts';

const script = (city: string, style: string) =>
  `You are {{persona.name}}, a ${style} property advisor for {{company.name}} in ${city}. ` +
  `Speak with {{lead.first_name}} about {{property.name}} in {{property.location}} ({{property.price}}). ` +
  'Confirm budget, purchase timeline, financing and who decides; offer a site visit; hand over to a human if asked.';

const persona = (name: string, region: string, city: string, accent: PersonaWritable['accent'], style: PersonaWritable['communicationStyle'], voiceId: string, traits: string[]): PersonaWritable => ({
  name,
  region,
  accent,
  communicationStyle: style,
  voiceProvider: 'vapi',
  voiceId,
  personalityTraits: traits,
  marketKnowledge: `Micro-markets, price trends and landmark projects of ${city}.`,
  firstMessage: `Namaste {{lead.first_name}}, this is {{persona.name}} from {{company.name}}. Is this a good time to talk about {{property.name}}?`,
  scriptTemplate: script(city, style),
  escalationTriggers: ['asks for a human', 'legal or loan documentation questions', 'wants to negotiate price'],
  active: true,
});

/** The six regional personas of the product spec. */
export const DEMO_PERSONAS: PersonaWritable[] = [
  persona('Aanya (Mumbai)', 'mumbai', 'Mumbai', 'indian', 'consultative', 'vapi-aanya', ['warm', 'knowledgeable']),
  persona('Kabir (Delhi NCR)', 'delhi', 'Delhi NCR', 'indian', 'formal', 'vapi-kabir', ['polished', 'direct']),
  persona('Meera (Bangalore)', 'bangalore', 'Bangalore', 'indian', 'casual', 'vapi-meera', ['friendly', 'tech-savvy']),
  persona('Rohan (Pune)', 'pune', 'Pune', 'indian', 'consultative', 'vapi-rohan', ['patient', 'respectful']),
  persona('Lakshmi (Chennai)', 'chennai', 'Chennai', 'indian', 'formal', 'vapi-lakshmi', ['courteous', 'traditional']),
  persona('Arjun (Hyderabad)', 'hyderabad', 'Hyderabad', 'indian', 'casual', 'vapi-arjun', ['energetic', 'modern']),
];

const CR = 10_000_000;
const property = (name: string, type: PropertyWritable['type'], location: string, minCr: number, maxCr: number, amenities: string[]): PropertyWritable => ({
  name,
  type,
  location: `${location}, Mumbai`,
  priceMinInr: Math.round(minCr * CR),
  priceMaxInr: Math.round(maxCr * CR),
  amenities,
  specifications: {},
  availability: 'available',
});

/** Ten Mumbai luxury properties, ₹3.2–45 crore. */
export const DEMO_PROPERTIES: PropertyWritable[] = [
  property('Lodha Altamount', 'penthouse', 'Altamount Road', 40, 45, ['sea view', 'private lift', 'concierge']),
  property('Oberoi Three Sixty West', 'apartment', 'Worli', 12, 15, ['sea view', 'hotel services', 'spa']),
  property('Four Seasons Private Residences', 'penthouse', 'Worli', 38, 42, ['sea view', 'butler', 'infinity pool']),
  property('Raheja Vivarea', 'apartment', 'Mahalaxmi', 8, 9, ['racecourse view', 'clubhouse']),
  property('Lodha World One', 'apartment', 'Lower Parel', 16, 20, ['skyline view', 'gym', 'concierge']),
  property('Rustomjee Crown', 'apartment', 'Prabhadevi', 12, 15, ['sea view', 'pool']),
  property('Kalpataru Magnus', 'apartment', 'Bandra East', 6, 7, ['BKC access', 'clubhouse']),
  property('Piramal Aranya', 'villa', 'Byculla', 20, 24, ['botanical garden view', 'sky deck']),
  property('Sunteck Signia Pearl', 'apartment', 'BKC', 10, 12, ['business district', 'gym']),
  property('Runwal Bliss', 'apartment', 'Kanjurmarg', 3.2, 4, ['township', 'school nearby']),
];
