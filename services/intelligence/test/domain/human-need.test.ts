import { extractHumanNeed } from '../../src/domain/human-need';
import { script } from './turns.fixture';

describe('extractHumanNeed', () => {
  it.each([
    [['Dekho bhai, main robot se baat nahi karunga. Koi insaan se baat karao.'], 'asked_for_human'],
    [["I'd prefer to talk to a real person, please."], 'asked_for_human'],
    [['I want your senior manager, a real person, to call me. Tomorrow at 11.'], 'asked_for_human'],
    [['I have a complaint. Nobody was there for the site visit. I want someone senior to call me.'], 'complaint'],
    [['One of your people called at ten thirty at night. I want your manager to know. I want a written apology.'], 'complaint'],
    [['What is the RERA registration number? And is the land title clear?'], 'legal_question'],
    [["What's the stamp duty for an NRI? Can I buy through a power of attorney?"], 'legal_question'],
    [
      ['Now we want to see the sample flat.', 'The whole family will come, my husband and my mother-in-law. Can someone arrange it?'],
      'site_visit_family',
    ],
    [['Kitni baar call karoge? Mujhe call mat karo.'], null],
    [['Okay, send me the brochure.'], null],
  ])('%j → %s', (lines, expected) => {
    expect(extractHumanNeed(script('A: Hello', ...lines))).toBe(expected);
  });

  it('does not count a legal word the assistant says', () => {
    expect(
      extractHumanNeed(script('A: Our projects are RERA registered and the title is clear.', 'I am sure. Not interested.')),
    ).toBeNull();
  });
});

describe('extractHumanNeed: more ways to ask', () => {
  it.each([
    [['Could you put me through to your sales manager?'], 'asked_for_human'],
    [['Just connect me with someone from your office.'], 'asked_for_human'],
    [['I want to talk to the branch head about this.'], 'asked_for_human'],
    [['Kisi senior se baat karwa dijiye.'], 'asked_for_human'],
    [['Is there a human agent I can speak with?'], 'asked_for_human'],
    [['Has the OC come for tower B?'], 'legal_question'],
    [['Is it A khata or B khata?'], 'legal_question'],
    [['What is the GST on an under-construction unit?'], 'legal_question'],
    [['Can you send me the encumbrance certificate?'], 'legal_question'],
    [['Is the plot freehold or leasehold?'], 'legal_question'],
    [['What is the RERA number of phase two?'], 'legal_question'],
    [['Paid the booking fee in March, still no refund, nobody responds. I want your senior to sort it out.'], 'complaint'],
    [['Poor service all round. Escalate this to your supervisor.'], 'complaint'],
    [['My parents and my brother want to come and see the flat. Somebody from your team should be there to receive them.'], 'site_visit_family'],
    [['We will visit on Sunday, my in-laws too; my mother-in-law uses a walker, so please arrange a lift.'], 'site_visit_family'],
    [['I will speak to my manager about leave first.'], null],
    [['Please cc my wife on the email.'], null],
    [['I will talk to the head of the family tonight.'], null],
  ])('%j → %s', (lines, expected) => {
    expect(extractHumanNeed(script('A: Hello', ...lines))).toBe(expected);
  });
});

describe('extractHumanNeed: emergencies and bargaining', () => {
  it.each([
    ['Haan, ambulance bula rahi hoon. Kisi insaan ko bolo mujhe call kare.', 'emergency'],
    ['My father was rushed to hospital this morning, I cannot talk.', 'emergency'],
    // A doctor at work is not an emergency.
    ["Now is fine, I've just finished at the hospital. We want a villa in Kochi.", null],
    ['Too much. I can do eleven crore, all inclusive. Not a rupee more. Put me on to someone who can decide.', 'price_negotiation'],
    ['Is there any discount for a full cash payment?', 'price_negotiation'],
    ['Rate thoda kam karo toh baat banegi.', 'price_negotiation'],
    // A budget answer is not a counter-offer.
    ['I can do five crore, maybe five and a half.', null],
  ])('"%s" → %s', (text, expected) => {
    expect(extractHumanNeed(script('A: Hi', text))).toBe(expected);
  });
});
