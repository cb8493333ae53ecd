import { applyServerErrors, isVersionConflict, serverFieldErrors } from './field-errors';

const refusal = (status: number, issues: unknown) => ({ status, error: { error: { code: 'bad_request', message: 'Invalid', details: { issues } } } });
const FIELDS = ['name', 'firstMessage', 'scriptTemplate'] as const;

describe('serverFieldErrors: the server’s messages beside the fields they are about', () => {
  it.each([
    ['a service path', 'firstMessage', 'firstMessage'],
    ['the gateway’s body path', 'body.name', 'name'],
    ['a versioned update', 'body.changes.scriptTemplate', 'scriptTemplate'],
    ['an array element', 'body.changes.personalityTraits.2', null],
  ])('%s (%s)', (_what, path, field) => {
    const out = serverFieldErrors(refusal(400, [{ path, message: 'is wrong' }]), FIELDS)!;
    if (field) expect(out.fields).toEqual({ [field]: 'is wrong' });
    else expect(out.other).toEqual([`${path}: is wrong`]);
  });

  it('joins two messages about one field and keeps the rest apart', () => {
    const out = serverFieldErrors(
      refusal(422, [
        { path: 'scriptTemplate', message: 'unknown variable {{lead.age}}' },
        { path: 'scriptTemplate', message: 'has unpaired {{ or }}' },
        { path: '(root)', message: 'must change at least one field' },
      ]),
      FIELDS,
    )!;
    expect(out.fields).toEqual({ scriptTemplate: 'unknown variable {{lead.age}}; has unpaired {{ or }}' });
    expect(out.other).toEqual(['must change at least one field']);
  });

  it.each([
    ['a conflict', { status: 409, error: { error: { message: 'changed' } } }],
    ['a refusal without issues', { status: 400, error: { error: { message: 'Body is not valid JSON' } } }],
    ['no HTTP error at all', new Error('boom')],
    ['nothing', null],
  ])('null for %s', (_what, err) => {
    expect(serverFieldErrors(err, FIELDS)).toBeNull();
  });
});

describe('isVersionConflict', () => {
  it.each([
    ['a stale version', { status: 409, error: { error: { code: 'conflict', message: 'Persona was changed by someone else (now version 4); reload it', details: { currentVersion: 4 } } } }, true],
    ['a duplicate name', { status: 409, error: { error: { code: 'conflict', message: 'A persona named "A" already exists' } } }, false],
    ['a refusal', { status: 400, error: { error: { message: 'changed by someone else' } } }, false],
  ])('%s: %p', (_what, err, expected) => {
    expect(isVersionConflict(err)).toBe(expected);
  });
});

describe('applyServerErrors', () => {
  const control = () => {
    const c = { errors: null as Record<string, unknown> | null, touched: false, setErrors: (e: Record<string, unknown> | null) => (c.errors = e), markAsTouched: () => (c.touched = true) };
    return c;
  };
  it('marks the fields the server named and says what else it said', () => {
    const controls = { name: control(), scriptTemplate: control() };
    const banner = applyServerErrors(controls, refusal(400, [{ path: 'scriptTemplate', message: 'unknown variable {{x}}' }]));
    expect(controls.scriptTemplate).toMatchObject({ errors: { server: 'unknown variable {{x}}' }, touched: true });
    expect(controls.name.errors).toBeNull();
    expect(banner).toBe('The server refused some fields; see the messages beside them.');
    expect(applyServerErrors(controls, { status: 500 })).toBeNull();
  });
});
