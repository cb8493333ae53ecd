import { inject } from '@angular/core';
import { Router, type CanMatchFn } from '@angular/router';
import { AuthStore } from './auth.store';

export const authenticatedGuard: CanMatchFn = (_route, segments) => {
  const auth = inject(AuthStore);
  if (auth.isAuthenticated()) return true;
  const returnUrl = '/' + segments.map((s) => s.path).join('/');
  return inject(Router).createUrlTree(['/login'], { queryParams: returnUrl !== '/' ? { returnUrl } : {} });
};

export const anonymousGuard: CanMatchFn = () => (inject(AuthStore).isAuthenticated() ? inject(Router).createUrlTree(['/']) : true);
