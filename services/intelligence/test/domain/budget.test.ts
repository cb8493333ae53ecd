import { extractBudget } from '../../src/domain/budget';
import { CR, LAKH, script } from './turns.fixture';

describe('extractBudget', () => {
  it.each([
    ['5 crore', 'My budget is 5 crore.', 5 * CR, 5 * CR],
    ['range with Cr', 'Budget, we were thinking 5-6 Cr.', 5 * CR, 6 * CR],
    ['lakh', 'Around 80 lakh, not more.', 80 * LAKH, 80 * LAKH],
    ['Hinglish cr hai', 'Budget around 12 cr hai. Thoda upar neeche ho sakta hai, but 12 ke aas paas.', 12 * CR, 12 * CR],
    ['decimal', 'Something like 1.5 cr for a two BHK.', (15 * CR) / 10, (15 * CR) / 10],
    ['between words', 'Between four and five crores. That is what I have set aside.', 4 * CR, 5 * CR],
    ['words to words', 'Ten to twelve crore. That is the range.', 10 * CR, 12 * CR],
    ['rupee sign', 'Roughly ₹3.5 Cr for the flat.', (35 * CR) / 10, (35 * CR) / 10],
    ['and a half', 'Around two and a half crore.', (25 * CR) / 10, (25 * CR) / 10],
    ['lakhs to crore', 'Hmm, 50 lakhs to 1 crore. Usse upar mushkil hai.', 50 * LAKH, 1 * CR],
    ['up to', 'We can go up to 8 crore.', null, 8 * CR],
    ['at least', 'At least six crore, could be more.', 6 * CR, null],
    ['X plus', 'Six crore plus, let us say.', 6 * CR, null],
    ['se upar nahi', 'Budget 5 crore se upar nahi hai.', null, 5 * CR],
    ['se ke beech', '3 se 4 crore ke beech.', 3 * CR, 4 * CR],
    ['range with tak', 'Dekho, 8-10 crore tak ka soch rahe hain.', 8 * CR, 10 * CR],
    ['point words', 'Four point seven five crores, all in.', (475 * CR) / 100, (475 * CR) / 100],
    ['khokhe slang', 'Bhai 18-20 khokhe ka budget hai.', 18 * CR, 20 * CR],
    ['hyphenated tens', 'My budget is twenty-five crore.', 25 * CR, 25 * CR],
    ['Hindi number word', 'Budget paanch crore hai.', 5 * CR, 5 * CR],
    ['dedh crore', 'Dedh crore tak ho jayega.', null, (15 * CR) / 10],
    ['saadhe', 'Saadhe teen crore ke aas paas.', (35 * CR) / 10, (35 * CR) / 10],
    ['rupees word', 'Four to five crore rupees.', 4 * CR, 5 * CR],
  ])('%s: "%s"', (_name, text, min, max) => {
    expect(extractBudget(script('A: What budget are you considering?', text))).toEqual({ min, max });
  });

  it.each([
    ['self-correction: last statement wins', ["Umm, I'd say 8 crore... actually, maybe up to 10 if the terrace is proper."], null, 10 * CR],
    ['lakh corrected to crore', ['Sixty-five lakh... I mean six and a half crore.'], (65 * CR) / 10, (65 * CR) / 10],
    ['unitless after a budget question', ['Under 4, honestly.'], null, 4 * CR],
    ['later narrower figure wins', ['Between 5 and 8 crore.', 'Actually, let us keep it at 6 crore.'], 6 * CR, 6 * CR],
  ])('%s', (_name, userLines, min, max) => {
    const lines = userLines.flatMap((u) => ['A: And your budget?', u]);
    expect(extractBudget(script(...lines))).toEqual({ min, max });
  });

  it.each([
    ['USD only', ['We are thinking around 2 million dollars.']],
    ['GBP only', ['About one point four million pounds.']],
    ['dollar sign', ['Maybe $1.5 million tops.']],
    ['no figure', ["I'd rather not discuss budget on the phone."]],
    ['token payment is not a budget', ['I can pay a 2 lakh token today if you hold the unit.']],
    ['BHK and months are not money', ['Three BHK, in the next 2 to 3 months.']],
  ])('%s → null', (_name, userLines) => {
    expect(extractBudget(script('A: What budget do you have in mind?', ...userLines))).toBeNull();
  });

  it('ignores prices the assistant quotes and the lead echoes in surprise', () => {
    const turns = script(
      'A: Aur budget kitna hai aapka?',
      'Hmm, 50 lakhs to 1 crore. Usse upar mushkil hai.',
      'A: Humare Powai ke units abhi lagbhag paanch crore se start hote hain.',
      'Paanch crore? Arre, woh toh bahut zyada hai.',
    );
    expect(extractBudget(turns)).toEqual({ min: 50 * LAKH, max: 1 * CR });
  });

  it('never takes the assistant’s own figures', () => {
    expect(extractBudget(script('A: The three BHKs start at fifteen crore.', 'Okay, send me the details.'))).toBeNull();
  });

  it('keeps the INR figure when a GBP conversion follows', () => {
    const t = script('A: Budget?', "I've been thinking around fifteen crore. In pounds that's about one point four million.");
    expect(extractBudget(t)).toEqual({ min: 15 * CR, max: 15 * CR });
  });
});

describe('extractBudget: indirect budgets', () => {
  it.each([
    ['ceiling is', 'Honestly my ceiling is 6.5.', null, (65 * CR) / 10],
    ['cap of', 'There is a cap of 9, including interiors.', null, 9 * CR],
    ['limit is with unit', 'My upper limit is eleven crore.', null, 11 * CR],
    ['bare range named as a range', 'Somewhere in the five to seven range would suit.', 5 * CR, 7 * CR],
    ['bracket', 'Anything in the 12-14 bracket is fine.', 12 * CR, 14 * CR],
    ['not more than', 'Not more than two and a half cr for us.', null, (25 * CR) / 10],
    ['not above', 'Not above 3 cr, please.', null, 3 * CR],
    ['give or take', 'Around 2.2 cr give or take.', (22 * CR) / 10, (22 * CR) / 10],
    ['ballpark', 'Ballpark, 9.', 9 * CR, 9 * CR],
  ])('%s: "%s"', (_name, text, min, max) => {
    expect(extractBudget(script('A: What budget should I work within?', text))).toEqual({ min, max });
  });

  it.each([
    ['a restated ceiling keeps the ceiling', ['We would stay below 7. Seven crore, I mean.'], null, 7 * CR],
    ['a restated floor keeps the floor', ['At least 3 crore.', 'Yes, 3 crore.'], 3 * CR, null],
    ['a different figure still replaces it', ['Under 5 crore.', 'Actually make it 6 crore.'], 6 * CR, 6 * CR],
  ])('%s', (_name, userLines, min, max) => {
    const lines = userLines.flatMap((u) => ['A: And the budget?', u]);
    expect(extractBudget(script(...lines))).toEqual({ min, max });
  });

  it('does not read a bedroom range as a budget range', () => {
    expect(extractBudget(script('A: What budget?', 'We need the 3 to 4 bedroom range, budget later.'))).toBeNull();
  });
});

describe('extractBudget: bare answers, quarters and amounts that are not budgets', () => {
  it.each([
    ['a bare range answering the budget question', ['A: And the budget, sir?', 'Five and a half to six and a half.'], { min: 5.5 * CR, max: 6.5 * CR }],
    ['a bare figure with "sir"', ['A: What budget should I note?', 'Around 7, sir.'], { min: 7 * CR, max: 7 * CR }],
    ['a bare figure answering something else is not a budget', ['A: How many bedrooms?', 'Four.'], null],
    ['"and a quarter"', ['A: Budget kitna rakha hai?', 'Four and a quarter crore, that is my number.'], { min: 4.25 * CR, max: 4.25 * CR }],
    ['"and three quarters"', ['A: Budget?', 'Two and three quarters crore.'], { min: 2.75 * CR, max: 2.75 * CR }],
    ['a loan sanction after the budget', ['A: Budget?', 'Teen se saadhe teen crore.', 'A: Loan lenge?', 'SBI se sanction letter aa chuka hai, do crore tak ka.'], { min: 3 * CR, max: 3.5 * CR }],
    ['a refund is not a budget', ['A: Anything else?', 'I am still waiting for a refund of 25 lakh from the last builder.'], null],
  ])('%s', (_name, lines, expected) => {
    expect(extractBudget(script(...lines))).toEqual(expected);
  });
});
