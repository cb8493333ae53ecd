import { errorText, notBlank, problemsValidator } from './form-errors';

describe('form errors in words', () => {
  it.each([
    [null, null],
    [{ server: 'unknown variable {{x}}' }, 'Unknown variable {{x}}'],
    [{ required: true }, 'Required'],
    [{ maxlength: { requiredLength: 80, actualLength: 90 } }, 'At most 80 characters'],
    [{ minlength: { requiredLength: 10, actualLength: 3 } }, 'At least 10 characters'],
    [{ min: { min: 1, actual: 0 } }, 'At least 1'],
    [{ max: { max: 5, actual: 9 } }, 'At most 5'],
    [{ email: true }, 'Not an email address'],
    [{ problems: ['must be E.164', 'too long'] }, 'Must be E.164; too long'],
    [{ message: 'Minimum is above maximum' }, 'Minimum is above maximum'],
    [{ somethingElse: true }, 'Not valid'],
  ])('errorText(%p) = %p', (errors, text) => {
    expect(errorText(errors)).toBe(text);
  });

  it('the server’s word wins over a local one', () => {
    expect(errorText({ required: true, server: 'is taken' })).toBe('Is taken');
  });

  it.each([
    ['', { required: true }],
    ['   ', { required: true }],
    [' a ', null],
    [null, null],
  ])('notBlank(%p)', (value, errors) => {
    expect(notBlank({ value })).toEqual(errors);
  });

  it('problemsValidator reports what the check found', () => {
    const v = problemsValidator((s) => (s.includes('{{x}}') ? ['unknown variable {{x}}'] : []));
    expect(v({ value: 'hi {{x}}' })).toEqual({ problems: ['unknown variable {{x}}'] });
    expect(v({ value: 'hi' })).toBeNull();
  });
});
