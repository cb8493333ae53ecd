/** A refusal the server explained field by field: `details.issues` of a 400 or 422 (services/gateway/src/http/api-error.ts). */
export interface ServerFieldErrors {
  /** Form field → the server's message for it ("unknown variable {{lead.age}} …"). */
  fields: Record<string, string>;
  /** Messages about no field the form has (or about the whole body). */
  other: string[];
}

interface Issue {
  path?: unknown;
  message?: unknown;
}

/**
 * The per-field messages of a validation refusal, keyed by the form's own field
 * names: the gateway says `body.changes.firstMessage`, a service `firstMessage`;
 * both name the field `firstMessage`. Null when the error is no validation refusal.
 */
export function serverFieldErrors(err: unknown, fieldNames: readonly string[]): ServerFieldErrors | null {
  // Duck-typed HttpErrorResponse: this file stays free of Angular so jest runs its spec as plain TypeScript.
  const status = (err as { status?: unknown } | null)?.status;
  if (status !== 400 && status !== 422) return null;
  const issues = ((err as { error?: unknown }).error as { error?: { details?: { issues?: Issue[] } } } | null)?.error?.details?.issues;
  if (!Array.isArray(issues) || !issues.length) return null;
  const known = new Set(fieldNames);
  const out: ServerFieldErrors = { fields: {}, other: [] };
  for (const issue of issues) {
    const message = typeof issue.message === 'string' ? issue.message : 'is not valid';
    const field = fieldOf(typeof issue.path === 'string' ? issue.path : '', known);
    if (field) out.fields[field] = out.fields[field] ? `${out.fields[field]}; ${message}` : message;
    else out.other.push(typeof issue.path === 'string' && issue.path !== '(root)' ? `${issue.path}: ${message}` : message);
  }
  return out;
}

/** The first path segment that names a form field, past the envelope ("body", "changes", "query"). */
function fieldOf(path: string, known: ReadonlySet<string>): string | null {
  for (const segment of path.split('.')) {
    if (known.has(segment)) return segment;
    if (segment !== 'body' && segment !== 'changes' && segment !== 'query') return null;
  }
  return null;
}

/** A versioned update refused because someone saved a newer version first (409 "… changed by someone else …"). */
export function isVersionConflict(err: unknown): boolean {
  const e = err as { status?: unknown; error?: { error?: { message?: unknown; details?: { currentVersion?: unknown } } } } | null;
  if (e?.status !== 409) return false;
  const body = e.error?.error;
  return typeof body?.details?.currentVersion === 'number' || (typeof body?.message === 'string' && /changed by someone else/i.test(body.message));
}

/**
 * Puts the server's per-field messages on the form's controls (shown by their
 * mat-error until the field is edited) and returns the sentence for the form's
 * banner; null when the error was no validation refusal.
 */
export function applyServerErrors(controls: Record<string, { errors: Record<string, unknown> | null; setErrors(e: Record<string, unknown> | null): void; markAsTouched(): void }>, err: unknown): string | null {
  const found = serverFieldErrors(err, Object.keys(controls));
  if (!found) return null;
  for (const [name, message] of Object.entries(found.fields)) {
    const control = controls[name]!;
    control.setErrors({ ...control.errors, server: message });
    control.markAsTouched();
  }
  return found.other.length ? found.other.join('; ') : 'The server refused some fields; see the messages beside them.';
}
