import { toolCallsOf } from '../src/webhooks/vapi-answers';
import { dialledNumber } from '../src/tenants/phone-lines';

describe('reading VAPI messages', () => {
  const fn = (id: unknown, name: unknown, args: unknown = '{}') => ({ id, type: 'function', function: { name, arguments: args } });

  it.each([
    ['toolCallList (current)', { toolCallList: [fn('a', 'opt_out')] }, [{ id: 'a', name: 'opt_out', arguments: '{}' }]],
    ['toolWithToolCallList', { toolWithToolCallList: [{ type: 'function', toolCall: fn('b', 'find_properties', { location: 'Worli' }) }] }, [{ id: 'b', name: 'find_properties', arguments: { location: 'Worli' } }]],
    ['toolCalls (older payloads)', { toolCalls: [fn('c', 'book_callback')] }, [{ id: 'c', name: 'book_callback', arguments: '{}' }]],
    ['entries without an id or a name are left out', { toolCallList: [fn('', 'x'), fn('d', ''), fn(7, 'x'), null, { id: 'e', function: { name: 'opt_out' } }] }, [{ id: 'e', name: 'opt_out', arguments: {} }]],
    ['not a list', { toolCallList: 'nope' }, []],
  ])('%s', (_name, message, expected) => {
    expect(toolCallsOf(message as Record<string, unknown>)).toEqual(expected);
  });

  it('keeps at most 20 calls', () => {
    expect(toolCallsOf({ toolCallList: Array.from({ length: 30 }, (_, i) => fn(`t${i}`, 'opt_out')) })).toHaveLength(20);
  });

  it.each([
    ['phoneNumber object', { phoneNumber: { id: 'pn-1', number: '+912250001234' } }, { vapiPhoneNumberId: 'pn-1', number: '+912250001234' }],
    ['only the call’s fields', { call: { phoneNumberId: 'pn-2', phoneNumber: { number: '+912250001235' } } }, { vapiPhoneNumberId: 'pn-2', number: '+912250001235' }],
    ['nothing usable', { phoneNumber: { id: 5 }, call: {} }, { vapiPhoneNumberId: null, number: null }],
  ])('dialled number from %s', (_name, message, expected) => {
    expect(dialledNumber(message)).toEqual(expected);
  });
});
