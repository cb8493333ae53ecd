import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import type { Campaign } from '../../core/api/api.types';

/** Calling controls (services/gateway/src/routes/calling.routes.ts; calling:control). */
@Injectable({ providedIn: 'root' })
export class CallingService {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** Starts a draft, resumes a paused campaign; an active one is left as it is. */
  start(campaignId: string): Promise<Campaign> {
    return firstValueFrom(this.http.post<Campaign>(`${this.base}/calling/start`, { campaignId }));
  }

  /** Pauses one campaign, or every active one without an id. Answers which were paused. */
  stop(campaignId?: string, reason?: string): Promise<{ paused: string[] }> {
    const body = { ...(campaignId ? { campaignId } : {}), ...(reason ? { reason } : {}) };
    return firstValueFrom(this.http.post<{ paused: string[] }>(`${this.base}/calling/stop`, body));
  }
}
