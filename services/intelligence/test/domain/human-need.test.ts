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
