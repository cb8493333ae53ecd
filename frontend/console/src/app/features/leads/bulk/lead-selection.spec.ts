import { NO_SELECTION, chunks, isSelected, offerSelectMatching, pageState, selectedCount, selectionCampaign, selectionLabel, selectionWhat, toggleLead, togglePage, tooManyFor, type LeadSelection, type PickedLead } from './lead-selection';

const lead = (id: string, campaignId: string | null = null): PickedLead => ({ id, contactPerson: `Lead ${id}`, campaignId });
const page = [lead('a', 'c1'), lead('b', 'c1'), lead('c', 'c2')];

describe('lead selection: ticked leads or every lead the filters match', () => {
  it('ticks and unticks leads one by one, keeping those of other pages', () => {
    let sel: LeadSelection = NO_SELECTION;
    sel = toggleLead(sel, page[0]!, page);
    sel = toggleLead(sel, lead('z'), []);
    expect(selectedCount(sel)).toBe(2);
    expect(pageState(sel, page)).toBe('some');
    sel = toggleLead(sel, page[0]!, page);
    sel = toggleLead(sel, lead('z'), []);
    expect(sel).toEqual(NO_SELECTION);
  });

  it('the header checkbox ticks the whole page, then clears it', () => {
    const other = toggleLead(NO_SELECTION, lead('z'), []);
    const all = togglePage(other, page);
    expect(pageState(all, page)).toBe('all');
    expect(selectedCount(all)).toBe(4);
    const cleared = togglePage(all, page);
    expect(selectedCount(cleared)).toBe(1);
    expect(isSelected(cleared, 'z')).toBe(true);
  });

  it('offers "select all matching" once the page is ticked and more leads match', () => {
    const all = togglePage(NO_SELECTION, page);
    expect(offerSelectMatching(all, page, 120)).toBe(true);
    expect(offerSelectMatching(all, page, 3)).toBe(false);
    expect(offerSelectMatching(toggleLead(all, page[0]!, page), page, 120)).toBe(false);
  });

  it('"all matching" covers every row; unticking one falls back to the page without it', () => {
    const matching: LeadSelection = { kind: 'matching', total: 120, exact: true };
    expect(isSelected(matching, 'anything')).toBe(true);
    expect(pageState(matching, page)).toBe('all');
    const back = toggleLead(matching, page[1]!, page);
    expect(back.kind).toBe('picked');
    expect(selectedCount(back)).toBe(2);
    expect(isSelected(back, 'b')).toBe(false);
    expect(togglePage(matching, page)).toEqual(NO_SELECTION);
  });

  it.each([
    [NO_SELECTION, 'No leads selected'],
    [toggleLead(NO_SELECTION, lead('a'), []), '1 lead selected'],
    [{ kind: 'matching', total: 1234, exact: true }, 'All 1,234 leads matching the filters are selected'],
    [{ kind: 'matching', total: 10000, exact: false }, 'All 10,000+ leads matching the filters are selected'],
  ] as [LeadSelection, string][])('labels %j as %s', (sel, label) => {
    expect(selectionLabel(sel)).toBe(label);
  });

  it('names the selection in a sentence', () => {
    expect(selectionWhat(togglePage(NO_SELECTION, page))).toBe('3 leads');
    expect(selectionWhat({ kind: 'matching', total: 1234, exact: true })).toBe('all 1,234 leads matching the filters');
  });

  it('finds the one campaign to start calling, or says why there is none', () => {
    const pick = (...ls: PickedLead[]) => ls.reduce<LeadSelection>((s, l) => toggleLead(s, l, []), NO_SELECTION);
    expect(selectionCampaign(pick(page[0]!, page[1]!), '')).toEqual({ campaignId: 'c1', why: null });
    expect(selectionCampaign(pick(page[0]!, page[2]!), '').why).toMatch(/different campaigns/);
    expect(selectionCampaign(pick(lead('x')), '').why).toMatch(/no campaign: assign/);
    expect(selectionCampaign({ kind: 'matching', total: 5, exact: true }, 'c9')).toEqual({ campaignId: 'c9', why: null });
    expect(selectionCampaign({ kind: 'matching', total: 5, exact: true }, 'none').why).toMatch(/Filter by one campaign/);
  });

  it('bounds what one action may touch', () => {
    expect(tooManyFor('update', { kind: 'matching', total: 10_000, exact: true })).toBeNull();
    expect(tooManyFor('update', { kind: 'matching', total: 10_001, exact: true })).toMatch(/up to 10,000/);
    expect(tooManyFor('update', { kind: 'matching', total: 10_000, exact: false })).toMatch(/more than 10,000/);
    expect(tooManyFor('delete', { kind: 'matching', total: 101, exact: true })).toMatch(/up to 100 leads/);
    expect(tooManyFor('delete', togglePage(NO_SELECTION, page))).toBeNull();
  });

  it('splits ids into bounded requests', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
  });
});
