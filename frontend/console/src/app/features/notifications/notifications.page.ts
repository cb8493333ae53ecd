import { SelectionModel } from '@angular/cdk/collections';
import { DatePipe } from '@angular/common';
import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar, MatSnackBarModule } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import { NOTIFICATION_PRIORITIES, NOTIFICATION_STATUSES, expectObject, type Notification, type NotificationPage, type NotificationPriority, type User } from '../../core/api/api.types';
import { AuthStore } from '../../core/auth/auth.store';
import { CampaignNamesStore } from '../../core/data/campaign-names.store';
import { LiveFeedStore } from '../../core/live/live-feed.store';
import { PRIORITY_TONES, humanize, type Tone } from '../../core/ui/labels';
import { StatusChip } from '../../core/ui/status-chip';
import { httpParams, listParam, urlParams } from '../../core/ui/url-state';

const TYPE_ICONS: Partial<Record<string, string>> = {
  qualified_lead_ready: 'verified',
  human_intervention: 'support_agent',
  escalated_call: 'call_split',
  urgent_callback: 'alarm',
  technical_issue: 'build',
  review_required: 'rate_review',
  data_validation: 'fact_check',
  campaign_adjustment: 'tune',
  system_alert: 'warning',
};
const STATUS_TONES: Partial<Record<string, Tone>> = { pending: 'warning', in_progress: 'info', resolved: 'success', dismissed: 'muted' };
/** "Open" is what a person works through: pending and in progress. */
const OPEN = ['pending', 'in_progress'] as const;

/** The human-intervention queue: grouped by priority, worked, assigned and resolved in place; live. */
@Component({
  selector: 'app-notifications-page',
  imports: [DatePipe, FormsModule, RouterLink, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, MatMenuModule, MatProgressBarModule, MatSelectModule, MatSnackBarModule, MatTooltipModule, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notifications.page.html',
  styleUrl: './notifications.page.scss',
})
export default class NotificationsPage {
  private readonly base = inject(API_BASE_URL);
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly live = inject(LiveFeedStore);
  private readonly snack = inject(MatSnackBar);
  protected readonly auth = inject(AuthStore);
  protected readonly campaigns = inject(CampaignNamesStore);

  readonly status = input<string>();
  readonly priority = input<string>();
  readonly assigned = input<string>();

  protected readonly statusFilter = linkedSignal(() => (this.status() === undefined ? [...OPEN] : listParam(this.status(), NOTIFICATION_STATUSES)));
  protected readonly priorityFilter = linkedSignal(() => listParam(this.priority(), NOTIFICATION_PRIORITIES));
  protected readonly assignedFilter = linkedSignal(() => this.assigned() ?? '');
  protected readonly limit = signal(50);

  protected readonly statuses = NOTIFICATION_STATUSES;
  protected readonly priorities = NOTIFICATION_PRIORITIES;
  protected readonly typeIcons = TYPE_ICONS;
  protected readonly statusTones = STATUS_TONES;
  protected readonly priorityTones = PRIORITY_TONES;
  protected readonly humanize = humanize;

  protected readonly notifications = httpResource<NotificationPage>(
    () => ({
      url: `${this.base}/notifications`,
      params: httpParams({ status: this.statusFilter(), priority: this.priorityFilter(), assigned: this.assignedFilter(), limit: this.limit() }),
    }),
    { parse: (v) => expectObject<NotificationPage>(v, 'items') },
  );
  /** Admins may assign to anyone; others get "me" and "nobody" (GET /users needs users:manage). */
  protected readonly users = httpResource<User[]>(() => (this.auth.user()?.role === 'admin' ? `${this.base}/users` : undefined));
  protected readonly assignees = computed(() => {
    const me = this.auth.user();
    const all = this.users.hasValue() ? this.users.value() : [];
    return all.length ? all.filter((u) => !u.disabled) : me ? [me] : [];
  });
  private readonly userNames = computed(() => new Map(this.assignees().map((u) => [u.id, u.fullName])));

  protected readonly items = computed<Notification[]>(() => (this.notifications.hasValue() ? this.notifications.value().items : []));
  protected readonly groups = computed(() =>
    NOTIFICATION_PRIORITIES.map((p) => ({ priority: p as NotificationPriority, items: this.items().filter((n) => n.priority === p) })).filter((g) => g.items.length),
  );
  protected readonly hasMore = computed(() => this.notifications.hasValue() && !!this.notifications.value().nextCursor && this.limit() < 200);
  protected readonly error = computed(() => (this.notifications.error() ? errorMessage(this.notifications.error()) : null));

  protected readonly selection = new SelectionModel<string>(true, []);
  protected readonly selectedCount = signal(0);
  protected readonly resolvingId = signal<string | null>(null);
  protected readonly resolutionNote = signal('');
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      const params = urlParams({ status: this.statusFilter().join(',') === OPEN.join(',') ? null : this.statusFilter().join(',') || 'all', priority: this.priorityFilter(), assigned: this.assignedFilter() });
      untracked(() => this.router.navigate([], { relativeTo: this.route, replaceUrl: true, queryParams: params }));
    });
    effect(() => {
      if (this.live.revision('notifications')()) untracked(() => this.notifications.reload());
    });
    this.selection.changed.subscribe(() => this.selectedCount.set(this.selection.selected.length));
  }

  protected assigneeName(id: string | null): string {
    if (!id) return 'Unassigned';
    if (id === this.auth.user()?.id) return 'You';
    return this.userNames().get(id) ?? 'A teammate';
  }

  protected async setStatus(n: Notification, status: 'in_progress' | 'resolved' | 'dismissed', resolutionNote?: string): Promise<void> {
    await this.act(() => this.http.put(`${this.base}/notifications/${n.id}`, { status, ...(resolutionNote ? { resolutionNote } : {}) }), status === 'resolved' ? 'Resolved' : status === 'dismissed' ? 'Dismissed' : 'Marked in progress');
    if (status === 'resolved') {
      this.resolvingId.set(null);
      this.resolutionNote.set('');
    }
  }

  protected assign(n: Notification, userId: string | null): Promise<void> {
    return this.act(() => this.http.post(`${this.base}/notifications/${n.id}/assign`, { userId }), userId ? `Assigned to ${userId === this.auth.user()?.id ? 'you' : this.assigneeName(userId)}` : 'Unassigned');
  }

  protected async resolveSelected(): Promise<void> {
    const ids = this.selection.selected;
    await this.act(() => this.http.post(`${this.base}/notifications/bulk-resolve`, { ids }), `Resolved ${ids.length}`);
    this.selection.clear();
  }

  private async act(call: () => ReturnType<HttpClient['post']>, done: string): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(call());
      this.snack.open(done, undefined, { duration: 2500 });
      this.notifications.reload();
    } catch (err) {
      this.snack.open(errorMessage(err), 'Dismiss', { duration: 6000 });
    } finally {
      this.busy.set(false);
    }
  }
}
