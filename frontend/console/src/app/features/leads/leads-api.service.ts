import { HttpClient, HttpXhrBackend, type HttpEvent } from '@angular/common/http';
import { EnvironmentInjector, Injectable, inject, runInInjectionContext } from '@angular/core';
import type { LeadImport, LeadPriority, LeadStatus } from '@soraaya/contracts';
import { firstValueFrom, type Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import type { Campaign, Lead } from '../../core/api/api.types';
import { authInterceptor } from '../../core/auth/auth.interceptor';
import { httpParams } from '../../core/ui/url-state';
import type { CreateLeadBody } from './add-lead/lead-form';
import { groupOutcomes, joinCsvChunks, type AssignResult, type BulkUpdateResult, type IdOutcome } from './bulk/bulk-result';
import { BULK_MAX_IDS, EXPORT_IDS_PER_REQUEST, chunks } from './bulk/lead-selection';
import type { FieldMapping } from './import/import-mapping';

/** The list's filters as the API spells them in a query string (GET /leads, /leads/ids, /leads/export). */
export interface LeadQuery {
  status: string[];
  priority: string[];
  campaignId: string;
  importId: string;
  search: string;
}

/** Which leads an action is for: these ids, or every lead the filters match. */
export type LeadTarget = { ids: readonly string[] } | { filters: LeadQuery };

export interface BulkChanges {
  status?: LeadStatus;
  priority?: LeadPriority;
  campaignId?: string | null;
}

const IDS_PAGE = 5000;
const DELETE_CONCURRENCY = 4;

/** Writes on leads for the Leads page: create, bulk changes, delete, export, import. */
@Injectable({ providedIn: 'root' })
export class LeadsApi {
  private readonly base = inject(API_BASE_URL);
  private readonly http = inject(HttpClient);
  private readonly injector = inject(EnvironmentInjector);
  private readonly xhr = inject(HttpXhrBackend);
  /**
   * Uploads go through XMLHttpRequest, the only browser API that reports upload
   * progress (the app's client uses fetch); the same auth interceptor applies.
   */
  private readonly uploadClient = new HttpClient({
    handle: (req) => runInInjectionContext(this.injector, () => authInterceptor(req, (r) => this.xhr.handle(r))),
  });

  create(body: CreateLeadBody): Promise<Lead> {
    return firstValueFrom(this.http.post<Lead>(`${this.base}/leads`, body));
  }

  /** Ids of every lead the filters match, up to `max` (bulk-update takes at most 10,000). */
  async matchingIds(filters: LeadQuery, max = BULK_MAX_IDS): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const params = httpParams({ ...filters, limit: Math.min(IDS_PAGE, max - ids.length), cursor });
      const page: { ids: string[]; nextCursor: string | null } = await firstValueFrom(this.http.get<{ ids: string[]; nextCursor: string | null }>(`${this.base}/leads/ids`, { params }));
      ids.push(...page.ids);
      cursor = page.nextCursor;
    } while (cursor && ids.length < max);
    return ids.slice(0, max);
  }

  async ids(target: LeadTarget): Promise<string[]> {
    return 'ids' in target ? [...target.ids] : this.matchingIds(target.filters);
  }

  bulkUpdate(ids: readonly string[], changes: BulkChanges, reason?: string): Promise<BulkUpdateResult> {
    return firstValueFrom(this.http.post<BulkUpdateResult>(`${this.base}/leads/bulk-update`, { ids, changes, ...(reason ? { reason } : {}) }));
  }

  /** Through the campaign service, which records the leads for its dialer; a filter is walked there, however many it matches. */
  assignToCampaign(campaignId: string, target: LeadTarget): Promise<AssignResult> {
    const body = 'ids' in target ? { leadIds: target.ids } : { filters: httpParams({ ...target.filters }) };
    return firstValueFrom(this.http.post<AssignResult>(`${this.base}/campaigns/${campaignId}/assign-leads`, body));
  }

  /** Starts a draft campaign or resumes a paused one (an active one is left as it is). */
  startCalling(campaignId: string): Promise<Campaign> {
    return firstValueFrom(this.http.post<Campaign>(`${this.base}/calling/start`, { campaignId }));
  }

  /** One request per lead (the API has no bulk delete), a few at a time; each lead's outcome is kept. */
  async deleteMany(ids: readonly string[]): Promise<BulkUpdateResult> {
    const outcomes: IdOutcome[] = [];
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        try {
          await firstValueFrom(this.http.delete(`${this.base}/leads/${id}`));
          outcomes.push({ id, ok: true });
        } catch (err) {
          outcomes.push({ id, ok: false, message: (err as { error?: { error?: { message?: string } } }).error?.error?.message ?? 'Not deleted' });
        }
      }
    };
    await Promise.all(Array.from({ length: DELETE_CONCURRENCY }, worker));
    return groupOutcomes(outcomes);
  }

  /** The CSV export as a file download: by filters in one request, selected ids a bounded number per request. */
  async export(target: LeadTarget): Promise<void> {
    const get = (params: Record<string, string | number>) => firstValueFrom(this.http.get(`${this.base}/leads/export`, { params, responseType: 'text' }));
    const csv =
      'ids' in target ? joinCsvChunks(await Promise.all(chunks(target.ids, EXPORT_IDS_PER_REQUEST).map((ids) => get({ ids: ids.join(',') })))) : await get(httpParams({ ...target.filters }));
    // The server's BOM (which lets a spreadsheet read ₹ and names in any script) is eaten by decoding: put it back.
    saveFile(csv.charCodeAt(0) === 0xfeff ? csv : `\ufeff${csv}`, `leads-${new Date().toISOString().slice(0, 10)}.csv`);
  }

  /** Multipart upload with progress events; the answer is the queued import. */
  upload(file: File, mapping: FieldMapping | null): Observable<HttpEvent<LeadImport>> {
    const form = new FormData();
    if (mapping) form.append('mapping', JSON.stringify(mapping));
    form.append('file', file, file.name);
    return this.uploadClient.post<LeadImport>(`${this.base}/leads/import`, form, { reportProgress: true, observe: 'events' });
  }

  getImport(id: string, issuesOffset = 0, issuesLimit = 1000): Promise<LeadImport> {
    return firstValueFrom(this.http.get<LeadImport>(`${this.base}/leads/imports/${id}`, { params: { issuesOffset, issuesLimit } }));
  }

  /** The import with every one of its row issues (the API pages them by 1,000). */
  async getImportWithAllIssues(id: string): Promise<LeadImport> {
    const first = await this.getImport(id);
    const issues = [...first.issues];
    while (issues.length < first.issuesTotal) {
      const page = await this.getImport(id, issues.length);
      if (!page.issues.length) break;
      issues.push(...page.issues);
    }
    return { ...first, issues };
  }
}

/** Hands text to the browser as a download. */
export function saveFile(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
