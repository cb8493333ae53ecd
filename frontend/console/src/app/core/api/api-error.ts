import { HttpErrorResponse } from '@angular/common/http';

/** A sentence a person can act on, from whatever an HTTP call threw. */
export function errorMessage(err: unknown): string {
  if (err instanceof HttpErrorResponse) {
    const body = err.error as { error?: { message?: string } } | null;
    if (body?.error?.message) return body.error.message;
    if (err.status === 0) return 'Cannot reach the server. Check your connection; the page retries on its own.';
    return `${err.status} ${err.statusText || 'error'}`;
  }
  if (err instanceof Error) return err.message;
  return 'Something went wrong';
}
