import { httpResource } from '@angular/common/http';
import { Injectable, computed, inject } from '@angular/core';
import { API_BASE_URL } from '../api/api-base-url.token';
import { expectObject } from '../api/api.types';

interface PersonaList {
  items: { id: string; name: string }[];
}

/** Agent persona id → name, for the pages that report by persona. One request, shared. */
@Injectable({ providedIn: 'root' })
export class PersonaNamesStore {
  private readonly base = inject(API_BASE_URL);
  private readonly personas = httpResource<PersonaList>(() => `${this.base}/agent-personas`, { parse: (v) => expectObject<PersonaList>(v, 'items') });
  private readonly byId = computed(() => new Map((this.personas.hasValue() ? this.personas.value().items : []).map((p) => [p.id, p.name])));

  name(id: string | null | undefined): string {
    return id ? (this.byId().get(id) ?? 'Persona …' + id.slice(-4)) : 'Default';
  }
}
