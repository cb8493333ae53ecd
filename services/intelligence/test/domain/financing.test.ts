import { extractFinancing } from '../../src/domain/financing';
import { script } from './turns.fixture';

describe('extractFinancing', () => {
  it.each([
    ['No, no loan. We will pay from the sale proceeds.', 'cash_buyer'],
    ['No. It is a cash deal.', 'cash_buyer'],
    ['Full payment. No loan.', 'cash_buyer'],
    ['Outright. I am selling a flat in London.', 'cash_buyer'],
    ['Myself. The money is sitting in my NRE account.', 'cash_buyer'],
    ['Loan nahi chahiye, paisa ready hai.', 'cash_buyer'],
    ['Loan pre-approved hai HDFC se already.', 'pre_approved'],
    ['I have a pre-approved NRI home loan from SBI. The sanction letter is already there.', 'pre_approved'],
    ['Yes, loan is needed. Around sixty percent.', 'needs_financing'],
    ['We will take a home loan for maybe forty percent. The rest we have.', 'needs_financing'],
    ['Haan, loan lena padega. Bank se baat chal rahi hai, abhi approve nahi hua.', 'needs_financing'],
    ['Loan pe hi lena hoga waise.', 'needs_financing'],
    ['Yes, definitely.', 'needs_financing'],
  ])('"%s" → %s', (text, expected) => {
    expect(extractFinancing(script('A: Would you be taking a home loan?', text))).toBe(expected);
  });

  it.each([['Not sure yet about a loan. I will figure it out.'], ['Let us discuss that later.']])('"%s" → null', (text) => {
    expect(extractFinancing(script('A: Would you need a loan?', text))).toBeNull();
  });
});

describe('extractFinancing: more forms', () => {
  it.each([
    ['ICICI has already sanctioned the loan.', 'pre_approved'],
    ['The bank cleared my home loan last week.', 'pre_approved'],
    ['No loans, we are retired.', 'cash_buyer'],
    ['We will sell our Pune flat to pay for it.', 'cash_buyer'],
    ['I sold some shares, the funds are ready.', 'cash_buyer'],
    ['We will sell our old flat and take a small loan for the rest.', 'needs_financing'],
  ])('"%s" → %s', (text, expected) => {
    expect(extractFinancing(script('A: How will you fund it?', text))).toBe(expected);
  });
});
