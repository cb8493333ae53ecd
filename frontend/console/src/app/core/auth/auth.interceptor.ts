import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { API_BASE_URL } from '../api/api-base-url.token';
import { AuthStore } from './auth.store';

const withToken = (req: HttpRequest<unknown>, token: string | null) => (token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req);

/**
 * Adds the access token to API calls; on a 401 refreshes once through the cookie
 * and retries, and if that fails sends the person to the login page.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const base = inject(API_BASE_URL);
  const auth = inject(AuthStore);
  // Login, refresh and logout carry the cookie, not the token, and a 401 there is an answer, not an expiry.
  const authCall = req.url.startsWith(`${base}/auth/`) && !req.url.endsWith('/auth/me');
  if (!req.url.startsWith(base) || authCall) return next(req);
  return next(withToken(req, auth.accessToken())).pipe(
    catchError((err: unknown) => {
      if (!(err instanceof HttpErrorResponse) || err.status !== 401) return throwError(() => err);
      return from(auth.refresh()).pipe(
        switchMap((session) => {
          if (!session) {
            void auth.expired();
            return throwError(() => err);
          }
          return next(withToken(req, session.accessToken));
        }),
      );
    }),
  );
};
