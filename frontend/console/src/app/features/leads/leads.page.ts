import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { firstValueFrom, map } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import { LEAD_PRIORITIES, LEAD_STATUSES, expectObject, type Lead, type LeadPage } from '../../core/api/api.types';
import { AuthStore } from '../../core/auth/auth.store';
import { CampaignNamesStore } from '../../core/data/campaign-names.store';
import { LiveFeedStore } from '../../core/live/live-feed.store';
import { LEAD_STATUS_LABELS, LEAD_STATUS_TONES, PRIORITY_TONES, budget, humanize, type Tone } from '../../core/ui/labels';
import { StatusChip } from '../../core/ui/status-chip';
import { httpParams, listParam, urlParams } from '../../core/ui/url-state';
import type { AddLeadResult } from './add-lead/add-lead-dialog';
import { LeadBulkBar } from './bulk/lead-bulk-bar';
import { NO_SELECTION, isSelected, offerSelectMatching, pageState, toggleLead, togglePage, type LeadSelection } from './bulk/lead-selection';
import type { ImportWizardResult } from './import/import-wizard';
import { LeadDetail } from './lead-detail';
import type { LeadQuery } from './leads-api.service';

const SORTABLE = ['contactPerson', 'score', 'lastActivityAt', 'createdAt'] as const;

/**
 * Leads: filters and sort in the URL, server-side cursor paging, and the lead's
 * detail in a drawer (also in the URL, so a lead can be linked to). Managers
 * also select leads for bulk actions, add a lead and import a CSV.
 */
@Component({
  selector: 'app-leads-page',
  imports: [
    DatePipe,
    MatTableModule,
    MatSortModule,
    MatPaginatorModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatCheckboxModule,
    MatIconModule,
    MatProgressBarModule,
    MatSidenavModule,
    MatTooltipModule,
    StatusChip,
    LeadDetail,
    LeadBulkBar,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './leads.page.html',
  styleUrl: './leads.page.scss',
})
export default class LeadsPage {
  private readonly base = inject(API_BASE_URL);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly live = inject(LiveFeedStore);
  private readonly dialog = inject(MatDialog);
  private readonly auth = inject(AuthStore);
  protected readonly campaigns = inject(CampaignNamesStore);

  // URL state (withComponentInputBinding): ?status=qualified,follow_up&priority=high&campaign=…&search=…&importId=…&sort=score:desc&lead=…
  readonly status = input<string>();
  readonly priority = input<string>();
  readonly campaign = input<string>();
  readonly search = input<string>();
  readonly importId = input<string>();
  readonly sort = input<string>();
  readonly lead = input<string>();

  protected readonly statusFilter = linkedSignal(() => listParam(this.status(), LEAD_STATUSES));
  protected readonly priorityFilter = linkedSignal(() => listParam(this.priority(), LEAD_PRIORITIES));
  protected readonly campaignFilter = linkedSignal(() => this.campaign() ?? '');
  protected readonly searchFilter = linkedSignal(() => this.search() ?? '');
  /** The leads one import created or merged into ("Show the imported leads"). */
  protected readonly importFilter = linkedSignal(() => this.importId() ?? '');
  protected readonly sortBy = linkedSignal<Sort>(() => {
    const [active, direction] = (this.sort() ?? '').split(':');
    return (SORTABLE as readonly string[]).includes(active ?? '') && (direction === 'asc' || direction === 'desc') ? { active: active!, direction } : { active: 'createdAt', direction: 'desc' };
  });
  protected readonly openLeadId = linkedSignal(() => this.lead() ?? null);

  protected readonly NO_SELECTION = NO_SELECTION;
  protected readonly statuses = LEAD_STATUSES;
  protected readonly priorities = LEAD_PRIORITIES;
  // Indexed by table rows, which MatTable types as any.
  protected readonly statusLabels: Record<string, string> = LEAD_STATUS_LABELS;
  protected readonly statusTones: Record<string, Tone> = LEAD_STATUS_TONES;
  protected readonly priorityTones: Record<string, Tone> = PRIORITY_TONES;
  protected readonly humanize = humanize;
  protected readonly budget = budget;
  /** On a tablet the table keeps what a caller scans for; the drawer has the rest. */
  private readonly narrow = toSignal(inject(BreakpointObserver).observe('(max-width: 1199px)').pipe(map((r) => r.matches)), { initialValue: false });
  /** Bulk actions, adding and importing need leads:write (gateway role-matrix.ts: admins and managers). */
  protected readonly canManage = computed(() => ['admin', 'manager'].includes(this.auth.user()?.role ?? ''));
  protected readonly columns = computed(() => [
    ...(this.canManage() ? ['select'] : []),
    ...(this.narrow() ? ['contactPerson', 'status', 'priority', 'score', 'campaign'] : ['contactPerson', 'status', 'priority', 'score', 'property', 'budget', 'campaign', 'lastActivityAt']),
  ]);

  protected readonly query = computed<LeadQuery & { sort: string }>(
    () => ({
      status: this.statusFilter(),
      priority: this.priorityFilter(),
      campaignId: this.campaignFilter(),
      importId: this.importFilter(),
      search: this.searchFilter().trim(),
      sort: `${this.sortBy().active}:${this.sortBy().direction}`,
    }),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly pageSize = signal(50);
  /** Cursor paging: the cursor of every page visited so far; any filter, sort or size change starts again at page 0. */
  protected readonly page = linkedSignal<unknown, { index: number; cursors: (string | null)[] }>({
    source: () => [this.query(), this.pageSize()],
    computation: () => ({ index: 0, cursors: [null] }),
  });

  protected readonly leads = httpResource<LeadPage>(
    () => {
      const { index, cursors } = this.page();
      return { url: `${this.base}/leads`, params: httpParams({ ...this.query(), limit: this.pageSize(), cursor: cursors[index] }) };
    },
    { parse: (v) => expectObject<LeadPage>(v, 'items', 'total') },
  );
  protected readonly rows = computed<Lead[]>(() => (this.leads.hasValue() ? this.leads.value().items : []));
  protected readonly error = computed(() => (this.leads.error() ? errorMessage(this.leads.error()) : null));
  protected readonly totalLabel = computed(() => {
    if (!this.leads.hasValue()) return '';
    const v = this.leads.value();
    return `${v.total.toLocaleString('en-IN')}${v.totalIsExact ? '' : '+'} ${v.total === 1 && v.totalIsExact ? 'lead' : 'leads'}`;
  });
  /** The paginator needs a length; when the total is only a lower bound, promise one more page while there is a cursor. */
  protected readonly length = computed(() => {
    if (!this.leads.hasValue()) return 0;
    const v = this.leads.value();
    const seen = (this.page().index + 1) * this.pageSize();
    return v.nextCursor ? Math.max(v.total, seen + 1) : Math.min(v.total, seen - this.pageSize() + v.items.length) || v.items.length;
  });
  protected readonly filtered = computed(() => {
    const q = this.query();
    return q.status.length > 0 || q.priority.length > 0 || !!q.campaignId || !!q.search || !!q.importId;
  });

  /** Ticked leads, or every lead the filters match; any change of filters or sort starts afresh. */
  protected readonly selection = linkedSignal<unknown, LeadSelection>({ source: this.query, computation: () => NO_SELECTION });
  protected readonly pageRows = computed(() => this.rows().map((l) => ({ id: l.id, contactPerson: l.contactPerson, campaignId: l.campaignId })));
  protected readonly pageSelection = computed(() => pageState(this.selection(), this.pageRows()));
  protected readonly offerMatching = computed(() => this.leads.hasValue() && offerSelectMatching(this.selection(), this.pageRows(), this.leads.value().total));
  protected readonly matchingLabel = computed(() => (this.leads.hasValue() ? `${this.leads.value().total.toLocaleString('en-IN')}${this.leads.value().totalIsExact ? '' : '+'}` : ''));

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    // Filters, sort and the open lead go to the URL so a view can be shared and reloaded.
    effect(() => {
      const q = this.query();
      const lead = this.openLeadId();
      untracked(() =>
        this.router.navigate([], {
          relativeTo: this.route,
          replaceUrl: true,
          queryParams: urlParams({ status: q.status, priority: q.priority, campaign: q.campaignId, search: q.search, importId: q.importId, sort: q.sort === 'createdAt:desc' ? null : q.sort, lead }),
        }),
      );
    });
    // Live: a lead event reloads the page in place (keeping the rows on screen while it loads).
    effect(() => {
      // Imports announce no lead one by one: their progress and end events reload the list instead.
      if (this.live.revision('leads')() + this.live.revision('imports')()) untracked(() => this.leads.reload());
    });
  }

  protected onSearch(value: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.searchFilter.set(value), 300);
  }

  protected onPage(e: PageEvent): void {
    if (e.pageSize !== this.pageSize()) {
      this.pageSize.set(e.pageSize);
      return;
    }
    const next = this.leads.hasValue() ? this.leads.value().nextCursor : null;
    this.page.update(({ index, cursors }) => {
      if (e.pageIndex > index && next) return { index: index + 1, cursors: [...cursors.slice(0, index + 1), next] };
      if (e.pageIndex < index) return { index: e.pageIndex, cursors };
      return { index, cursors };
    });
  }

  protected clearFilters(): void {
    this.statusFilter.set([]);
    this.priorityFilter.set([]);
    this.campaignFilter.set('');
    this.searchFilter.set('');
    this.importFilter.set('');
  }

  protected isSelected(id: string): boolean {
    return isSelected(this.selection(), id);
  }

  protected toggle(lead: Lead): void {
    this.selection.update((s) => toggleLead(s, lead, this.pageRows()));
  }

  protected togglePage(): void {
    this.selection.update((s) => togglePage(s, this.pageRows()));
  }

  protected selectMatching(): void {
    if (!this.leads.hasValue()) return;
    const { total, totalIsExact } = this.leads.value();
    this.selection.set({ kind: 'matching', total, exact: totalIsExact });
  }

  protected afterBulk(): void {
    this.selection.set(NO_SELECTION);
    this.leads.reload();
  }

  // The dialogs load on first use: the list itself stays a small download.
  protected async addLead(): Promise<void> {
    const { AddLeadDialog } = await import('./add-lead/add-lead-dialog');
    const ref = this.dialog.open<InstanceType<typeof AddLeadDialog>, void, AddLeadResult>(AddLeadDialog, { width: '720px', maxWidth: '96vw', autoFocus: 'first-tabbable' });
    const result = await firstValueFrom(ref.afterClosed());
    if (result?.created) this.leads.reload();
    if (result?.openLeadId) this.openLeadId.set(result.openLeadId);
  }

  protected async importCsv(): Promise<void> {
    const { ImportWizard } = await import('./import/import-wizard');
    const ref = this.dialog.open<InstanceType<typeof ImportWizard>, void, ImportWizardResult>(ImportWizard, { width: '960px', maxWidth: '96vw', disableClose: true, autoFocus: 'first-tabbable' });
    const result = await firstValueFrom(ref.afterClosed());
    if (result?.importId) {
      this.clearFilters();
      this.importFilter.set(result.importId);
    } else if (result?.imported) this.leads.reload();
  }

  protected open(lead: Lead): void {
    this.openLeadId.set(lead.id);
  }
}
