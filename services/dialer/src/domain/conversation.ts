/**
 * Conversations the simulator plays: built from the persona, the lead and the
 * properties, in the shapes real calls take (interested buyers with budgets in
 * crore, objections, "call me tomorrow at 6", "let me talk to a person",
 * polite refusals), so transcript intelligence has real work to do.
 */
export type Scenario = 'interested' | 'objection' | 'callback' | 'human' | 'not_interested';

export interface ConversationInput {
  agentName: string;
  firstName: string;
  propertyName: string;
  location: string;
  price: string;
  openingLine: string;
}

export interface Conversation {
  scenario: Scenario;
  lines: { speaker: 'AI' | 'User'; text: string }[];
  summary: string;
}

export type Random = () => number;

export function seededRandom(seed: number): Random {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: Random, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

export function pickScenario(rnd: Random): Scenario {
  const r = rnd();
  return r < 0.3 ? 'interested' : r < 0.45 ? 'objection' : r < 0.65 ? 'callback' : r < 0.75 ? 'human' : 'not_interested';
}

export function buildConversation(input: ConversationInput, scenario: Scenario, rnd: Random): Conversation {
  const lines: Conversation['lines'] = [];
  const ai = (text: string) => lines.push({ speaker: 'AI', text });
  const user = (text: string) => lines.push({ speaker: 'User', text });
  ai(input.openingLine);
  user(pick(rnd, ['Yes, tell me.', 'Okay, go ahead.', `Hi ${input.agentName}, yes I had enquired.`]));
  ai(`You had shown interest in ${input.propertyName} in ${input.location}. Units there are priced at ${input.price}. Are you still looking?`);
  const budget = pick(rnd, ['around 12 to 15 crore', 'about 8 crore', 'up to 20 Cr', '5 to 6 crore', 'close to 45 crore']);
  const timeline = pick(rnd, ['within 3 months', 'immediately, we want to move by Diwali', 'in about six months', 'sometime next year']);
  const financing = pick(rnd, ['We will pay cash.', 'Our home loan is already pre-approved.', 'We will need a home loan.']);
  switch (scenario) {
    case 'interested':
      user(`Yes, very much. Our budget is ${budget} and we are looking to buy ${timeline}.`);
      ai('That helps. How would you be financing the purchase?');
      user(financing);
      ai('And who else would be part of the decision?');
      user(pick(rnd, ['My wife and I decide together.', 'I am the decision maker.', 'My father will take the final call.']));
      ai(`Would you like a site visit to ${input.propertyName} this weekend?`);
      user('Yes, Saturday morning works. Please send the brochure on WhatsApp.');
      ai('Done. Our relationship manager will confirm the visit. Thank you!');
      return { scenario, lines, summary: `Interested: budget ${budget}, timeline ${timeline}; wants a site visit.` };
    case 'objection':
      user(`Honestly the price is too high for us. Our budget is only ${budget}.`);
      ai('I understand. There are smaller units and other projects nearby within that range.');
      user(pick(rnd, ['The location is also a bit far from my office.', 'Okay, send me options in my budget.']));
      ai('I will share two options that fit your budget and commute.');
      user('Fine, send them and call me after I see them.');
      return { scenario, lines, summary: 'Price objection; open to alternatives within budget.' };
    case 'callback':
      user(pick(rnd, ['I am driving right now, can you call me tomorrow at 6 pm?', 'I am in a meeting. Call me back on Monday morning around 11.', 'Can we talk this evening after 7?']));
      ai('Of course. I will call you back then. Thank you!');
      return { scenario, lines, summary: 'Asked for a callback at a specific time.' };
    case 'human':
      user('Before anything, can I speak to a real person, maybe your manager? I have questions about the loan and the agreement.');
      ai('Certainly. I will have a senior advisor call you shortly.');
      user('Yes please, today itself.');
      return { scenario, lines, summary: 'Asked to speak to a human about loan and legal questions.' };
    case 'not_interested':
      user(pick(rnd, ['No, we already bought a flat last month.', 'Not interested, please remove my number.', 'We have dropped the plan for now.']));
      ai('Thank you for letting me know. Have a good day.');
      return { scenario, lines, summary: 'Not interested.' };
  }
}

export function transcriptText(c: Conversation): string {
  return c.lines.map((l) => `${l.speaker}: ${l.text}`).join('\n');
}
