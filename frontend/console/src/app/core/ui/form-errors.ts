/**
 * Form validation in words: validators and the sentence under a field, as plain
 * functions (no Angular import, so jest runs their spec as plain TypeScript).
 * A validator takes anything with a `value`, which an AbstractControl is.
 */
type Errors = Record<string, unknown> | null;
type Validator = (control: { value: unknown }) => Errors;

/** Required, and more than spaces (Validators.required lets "   " through; the server trims it to nothing). */
export const notBlank: Validator = (c) => (typeof c.value === 'string' && c.value.trim() === '' ? { required: true } : null);

/** Checks with a function that returns the problems in words; none: valid. */
export function problemsValidator(problems: (value: string) => string[]): Validator {
  return (c) => {
    const found = typeof c.value === 'string' ? problems(c.value) : [];
    return found.length ? { problems: found } : null;
  };
}

/** The sentence shown under a field for its first error; `server` holds the server's own words. */
export function errorText(errors: Errors): string | null {
  if (!errors) return null;
  if (typeof errors['server'] === 'string') return capitalise(errors['server']);
  if (errors['required']) return 'Required';
  const max = errors['maxlength'] as { requiredLength: number } | undefined;
  if (max) return `At most ${max.requiredLength} characters`;
  const min = errors['minlength'] as { requiredLength: number } | undefined;
  if (min) return `At least ${min.requiredLength} characters`;
  const minValue = errors['min'] as { min: number } | undefined;
  if (minValue) return `At least ${minValue.min}`;
  const maxValue = errors['max'] as { max: number } | undefined;
  if (maxValue) return `At most ${maxValue.max}`;
  if (errors['email']) return 'Not an email address';
  if (Array.isArray(errors['problems'])) return capitalise((errors['problems'] as string[]).join('; '));
  if (typeof errors['message'] === 'string') return errors['message'];
  return 'Not valid';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
