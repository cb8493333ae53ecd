import { HttpClient } from '@angular/common/http';
import { Injectable, computed, effect, inject, untracked } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../api/api-base-url.token';
import type { User } from '../api/api.types';
import { AuthStore } from '../auth/auth.store';
import { REFRESH_PREFERENCE_KEY, refreshSecondsOf, type RefreshSeconds } from './refresh-rate';

/**
 * How often data pages reload on their own, whatever the live feed says (figures
 * such as "today" move with the clock). Kept in the user's server-side
 * preferences (PATCH /auth/me), so it follows them to another browser.
 */
@Injectable({ providedIn: 'root' })
export class RefreshRateStore {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  private readonly auth = inject(AuthStore);

  readonly seconds = computed(() => refreshSecondsOf(this.auth.user()?.preferences));
  /** 0: no periodic refresh. */
  readonly ms = computed(() => this.seconds() * 1000);

  async set(seconds: RefreshSeconds): Promise<void> {
    const preferences = { ...(this.auth.user()?.preferences ?? {}), [REFRESH_PREFERENCE_KEY]: seconds };
    this.auth.updateUser(await firstValueFrom(this.http.patch<User>(`${this.base}/auth/me`, { preferences })));
  }
}

/** Calls `refresh` at the user's refresh rate while the calling component lives; follows a changed rate. Call in an injection context. */
export function autoRefresh(refresh: () => void): void {
  const rate = inject(RefreshRateStore);
  effect((onCleanup) => {
    const ms = rate.ms();
    if (!ms) return;
    const timer = setInterval(() => untracked(refresh), ms);
    onCleanup(() => clearInterval(timer));
  });
}
