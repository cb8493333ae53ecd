import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../api/api-base-url.token';
import type { Session, User } from '../api/api.types';

export type AuthStatus = 'unknown' | 'authenticated' | 'anonymous';

/**
 * Who is logged in. The access token lives only in memory (never in storage a
 * script could read); the refresh token is the gateway's httpOnly cookie, so a
 * reload or a 401 gets a new session through POST /auth/refresh.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly base = inject(API_BASE_URL);

  private readonly session = signal<Session | null>(null);
  private readonly _status = signal<AuthStatus>('unknown');
  private refreshing: Promise<Session | null> | null = null;

  readonly status = this._status.asReadonly();
  readonly user = computed<User | null>(() => this.session()?.user ?? null);
  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
  readonly isAuthenticated = computed(() => this._status() === 'authenticated');

  /** At start-up: resume the session the cookie holds, if any. */
  async restore(): Promise<void> {
    await this.refresh();
  }

  async login(email: string, password: string, remember: boolean): Promise<void> {
    const session = await firstValueFrom(this.http.post<Session>(`${this.base}/auth/login`, { email, password, remember }));
    this.accept(session);
  }

  /** One refresh at a time: concurrent 401s share it. Resolves null when the cookie is gone or expired. */
  refresh(): Promise<Session | null> {
    this.refreshing ??= firstValueFrom(this.http.post<Session>(`${this.base}/auth/refresh`, {}))
      .then((s) => {
        this.accept(s);
        return s;
      })
      .catch(() => {
        this.clear();
        return null;
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post(`${this.base}/auth/logout`, {}));
    } catch {
      // The session is dropped here either way; the cookie expires on its own.
    }
    this.clear();
    await this.router.navigateByUrl('/login');
  }

  /** The user as the server now has them, after a change to their own profile. */
  updateUser(user: User): void {
    this.session.update((s) => (s && s.user.id === user.id ? { ...s, user } : s));
  }

  /** The refresh failed mid-session: back to the login page, returning here afterwards. */
  async expired(): Promise<void> {
    this.clear();
    await this.router.navigate(['/login'], { queryParams: { returnUrl: this.router.url, expired: 1 } });
  }

  private accept(session: Session): void {
    this.session.set(session);
    this._status.set('authenticated');
  }

  private clear(): void {
    this.session.set(null);
    this._status.set('anonymous');
  }
}
