import { inject } from '@angular/core';
import { Router, provideRouter, withComponentInputBinding, type CanMatchFn, type Routes } from '@angular/router';
import { anonymousGuard, authenticatedGuard } from './core/auth/auth.guards';
import { AuthStore } from './core/auth/auth.store';

/** Someone not logged in who opens `/` sees the landing page; the logged in go on to the console. */
const welcomeAnonymous: CanMatchFn = () => (inject(AuthStore).isAuthenticated() ? false : inject(Router).createUrlTree(['/welcome']));

export const routes: Routes = [
  { path: 'welcome', title: 'Soraaya · AI voice lead qualification', loadComponent: () => import('./features/landing/landing.page') },
  { path: '', pathMatch: 'full', canMatch: [welcomeAnonymous], children: [] },
  { path: 'login', canMatch: [anonymousGuard], title: 'Log in · Soraaya', loadComponent: () => import('./features/login/login.page') },
  {
    path: '',
    canMatch: [authenticatedGuard],
    loadComponent: () => import('./shell/shell'),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      { path: 'dashboard', title: 'Dashboard · Soraaya', loadComponent: () => import('./features/dashboard/dashboard.page') },
      { path: 'leads', title: 'Leads · Soraaya', loadComponent: () => import('./features/leads/leads.page') },
      { path: 'notifications', title: 'Notifications · Soraaya', loadComponent: () => import('./features/notifications/notifications.page') },
      { path: 'campaigns', title: 'Campaigns · Soraaya', loadComponent: () => import('./features/campaigns/campaigns.page') },
      { path: 'calling', title: 'Calling monitor · Soraaya', loadComponent: () => import('./features/calling/calling.page') },
      { path: 'personas', title: 'Agent personas · Soraaya', loadComponent: () => import('./features/personas/personas.page') },
      { path: 'properties', title: 'Properties · Soraaya', loadComponent: () => import('./features/properties/properties.page') },
      { path: 'settings', title: 'Settings · Soraaya', loadComponent: () => import('./features/settings/settings.page') },
      { path: 'reports', title: 'Reports · Soraaya', loadComponent: () => import('./features/reports/reports.page') },
      { path: 'insights', title: 'Insights · Soraaya', loadComponent: () => import('./features/insights/insights.page') },
    ],
  },
  { path: '**', redirectTo: '' },
];

export const provideAppRouter = () => provideRouter(routes, withComponentInputBinding());
