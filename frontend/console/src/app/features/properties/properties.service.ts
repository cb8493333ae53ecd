import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import type { Property, PropertyWritable } from './properties-view';

/** The property inventory (services/gateway/src/routes/campaign.routes.ts; writes need campaigns:write). */
@Injectable({ providedIn: 'root' })
export class PropertiesService {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  get(id: string): Promise<Property> {
    return firstValueFrom(this.http.get<Property>(`${this.base}/properties/${id}`));
  }

  create(body: PropertyWritable): Promise<Property> {
    return firstValueFrom(this.http.post<Property>(`${this.base}/properties`, body));
  }

  /** Refused with 409 when someone saved a newer version first. */
  update(id: string, version: number, changes: Partial<PropertyWritable>): Promise<Property> {
    return firstValueFrom(this.http.put<Property>(`${this.base}/properties/${id}`, { version, changes }));
  }

  remove(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${this.base}/properties/${id}`));
  }
}
