import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import type { Persona, PersonaWritable } from './personas-view';

/** Agent personas (services/gateway/src/routes/campaign.routes.ts; writes need campaigns:write). */
@Injectable({ providedIn: 'root' })
export class PersonasService {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  get(id: string): Promise<Persona> {
    return firstValueFrom(this.http.get<Persona>(`${this.base}/agent-personas/${id}`));
  }

  create(body: PersonaWritable): Promise<Persona> {
    return firstValueFrom(this.http.post<Persona>(`${this.base}/agent-personas`, body));
  }

  /** Refused with 409 when someone saved a newer version first. */
  update(id: string, version: number, changes: Partial<PersonaWritable>): Promise<Persona> {
    return firstValueFrom(this.http.put<Persona>(`${this.base}/agent-personas/${id}`, { version, changes }));
  }

  /** Refused with 409 while a campaign uses it. */
  remove(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${this.base}/agent-personas/${id}`));
  }
}
