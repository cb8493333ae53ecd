import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@soraaya/contracts';
import type { z } from 'zod';

/** An error meant for the caller: it has a stable code, an HTTP-like status and a message a person can act on. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
    this.status = ERROR_CODES[code];
  }

  toBody(): ErrorBody {
    return { code: this.code, status: this.status, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }

  static fromBody(body: ErrorBody): AppError {
    return new AppError(body.code, body.message, body.details);
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, details?: unknown) {
    super('bad_request', message, details);
  }
}
export class NotFoundError extends AppError {
  constructor(message: string, details?: unknown) {
    super('not_found', message, details);
  }
}
export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super('conflict', message, details);
  }
}
export class UnprocessableError extends AppError {
  constructor(message: string, details?: unknown) {
    super('unprocessable', message, details);
  }
}
export class ServiceUnavailableError extends AppError {
  constructor(message: string, details?: unknown) {
    super('unavailable', message, details);
  }
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** zod issues as `{ path: "changes.email", message }`, the shape every 400 uses. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

export function validationError(what: string, error: z.ZodError): BadRequestError {
  const issues = fieldIssues(error);
  const summary = issues
    .slice(0, 5)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  return new BadRequestError(`Invalid ${what}: ${summary}`, { issues });
}
