import { httpResource } from '@angular/common/http';
import { Injectable, computed, inject } from '@angular/core';
import { API_BASE_URL } from '../api/api-base-url.token';
import { expectObject, type CampaignList } from '../api/api.types';

/** Campaign id → name, for the pages that show a lead's or notification's campaign. One request, shared. */
@Injectable({ providedIn: 'root' })
export class CampaignNamesStore {
  private readonly base = inject(API_BASE_URL);
  readonly campaigns = httpResource<CampaignList>(() => `${this.base}/campaigns`, { parse: (v) => expectObject<CampaignList>(v, 'items') });
  readonly list = computed(() => (this.campaigns.hasValue() ? this.campaigns.value().items : []));
  private readonly byId = computed(() => new Map(this.list().map((c) => [c.id, c.name])));

  name(id: string | null | undefined): string {
    return id ? (this.byId().get(id) ?? '…') : '—';
  }
}
