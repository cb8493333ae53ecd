import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, linkedSignal, untracked } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { BarChartModule, LegendPosition, LineChartModule, PieChartModule } from '@swimlane/ngx-charts';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import { expectObject, type DashboardActivity, type DashboardDateRange, type DashboardMetrics, type DashboardStatusDistribution, type DashboardTrends } from '../../core/api/api.types';
import { CampaignNamesStore } from '../../core/data/campaign-names.store';
import { LiveFeedStore } from '../../core/live/live-feed.store';
import { CHART_SCHEME, integerTicks } from '../../core/ui/chart-scheme';
import { autoRefresh } from '../../core/ui/refresh-rate.store';
import { httpParams, urlParams } from '../../core/ui/url-state';
import { campaignBars, conversionSeries, hourBars, kpiRows, partialNotice, sourceBars, statusSlices } from './dashboard-view';

const RANGES: DashboardDateRange[] = ['7d', '30d', '90d'];
/** Calls ending in a burst (a campaign dialing) refresh the page once, this long after the last event. */
const LIVE_DEBOUNCE_MS = 1500;
const ACTIVITY_ICONS: Record<DashboardActivity['items'][number]['kind'], string> = { call_ended: 'call_end', lead_status: 'swap_horiz', notification: 'notifications' };
type ActivityTone = DashboardActivity['items'][number]['tone'];
const TONE_ICONS: Record<ActivityTone, string> = { positive: 'check_circle', attention: 'priority_high', negative: 'error', neutral: 'radio_button_unchecked' };
const TONE_LABELS: Record<ActivityTone, string> = { positive: 'Good news', attention: 'Needs a person', negative: 'Something failed', neutral: 'For information' };

/** The landing page: KPIs with their changes, trends and distributions, recent activity; overall or one campaign, live. */
@Component({
  selector: 'app-dashboard-page',
  imports: [DatePipe, RouterLink, MatFormFieldModule, MatSelectModule, MatIconModule, MatProgressBarModule, MatTooltipModule, BarChartModule, LineChartModule, PieChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export default class DashboardPage {
  private readonly base = inject(API_BASE_URL);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly live = inject(LiveFeedStore);
  protected readonly campaigns = inject(CampaignNamesStore);

  readonly range = input<string>();
  readonly campaign = input<string>();
  protected readonly dateRange = linkedSignal<DashboardDateRange>(() => (RANGES.includes(this.range() as DashboardDateRange) ? (this.range() as DashboardDateRange) : '7d'));
  protected readonly campaignFilter = linkedSignal(() => this.campaign() ?? '');

  protected readonly metrics = httpResource<DashboardMetrics>(
    () => ({ url: `${this.base}/dashboard/metrics`, params: httpParams({ date_range: this.dateRange(), campaign_id: this.campaignFilter() }) }),
    { parse: (v) => expectObject<DashboardMetrics>(v, 'kpis', 'partial') },
  );
  protected readonly trends = httpResource<DashboardTrends>(() => ({ url: `${this.base}/dashboard/trends`, params: httpParams({ days: 30, campaign_id: this.campaignFilter() }) }), {
    parse: (v) => expectObject<DashboardTrends>(v, 'points'),
  });
  protected readonly distribution = httpResource<DashboardStatusDistribution>(
    () => ({ url: `${this.base}/dashboard/status-distribution`, params: httpParams({ campaign_id: this.campaignFilter() }) }),
    { parse: (v) => expectObject<DashboardStatusDistribution>(v, 'items') },
  );
  protected readonly activity = httpResource<DashboardActivity>(() => ({ url: `${this.base}/dashboard/activity`, params: { limit: 15 } }), {
    parse: (v) => expectObject<DashboardActivity>(v, 'items'),
  });

  protected readonly m = computed(() => (this.metrics.hasValue() ? this.metrics.value() : null));
  protected readonly rows = computed(() => (this.m() ? kpiRows(this.m()!) : []));
  protected readonly days = computed(() => ({ '7d': 7, '30d': 30, '90d': 90 })[this.dateRange()]);
  protected readonly conversion = computed(() => conversionSeries(this.trends.hasValue() ? this.trends.value() : null));
  protected readonly statuses = computed(() => (this.distribution.hasValue() ? statusSlices(this.distribution.value().items) : []));
  protected readonly statusTotal = computed(() => (this.distribution.hasValue() ? this.distribution.value().total : null));
  protected readonly hours = computed(() => hourBars(this.m()?.callsByHour ?? []));
  protected readonly sources = computed(() => sourceBars(this.m()?.sources ?? []));
  protected readonly campaignComparison = computed(() => campaignBars(this.m()?.campaigns ?? []));
  protected readonly campaignsCalled = computed(() => (this.m()?.campaigns ?? []).some((c) => c.dialed > 0));
  protected readonly events = computed(() => (this.activity.hasValue() ? this.activity.value().items : []));
  protected readonly missing = computed(() => {
    const partials = [
      this.metrics.hasValue() ? this.metrics.value().partial : [],
      this.trends.hasValue() ? this.trends.value().partial : [],
      this.distribution.hasValue() ? this.distribution.value().partial : [],
      this.activity.hasValue() ? this.activity.value().partial : [],
    ];
    return partialNotice([...new Set(partials.flat())]);
  });
  protected readonly loading = computed(() => this.metrics.isLoading() || this.trends.isLoading() || this.distribution.isLoading() || this.activity.isLoading());
  protected readonly error = computed(() => {
    const e = this.metrics.error() ?? this.trends.error() ?? this.distribution.error() ?? this.activity.error();
    return e ? errorMessage(e) : null;
  });
  protected readonly viewName = computed(() => (this.campaignFilter() ? this.campaigns.name(this.campaignFilter()) : 'All campaigns'));

  protected readonly scheme = CHART_SCHEME;
  protected readonly integerTicks = integerTicks;
  protected readonly percentTicks = (v: number): string => `${v}%`;
  protected readonly legendBelow = LegendPosition.Below;
  protected readonly activityIcons = ACTIVITY_ICONS;
  protected readonly toneIcons = TONE_ICONS;
  protected readonly toneLabels = TONE_LABELS;

  constructor() {
    effect(() => {
      const params = urlParams({ range: this.dateRange() === '7d' ? null : this.dateRange(), campaign: this.campaignFilter() });
      untracked(() => this.router.navigate([], { relativeTo: this.route, replaceUrl: true, queryParams: params }));
    });
    // Live: whatever the platform does moves some figure; a burst of events refreshes once.
    let pending: ReturnType<typeof setTimeout> | null = null;
    let primed = false;
    effect(() => {
      for (const topic of ['leads', 'calls', 'campaigns', 'notifications', 'insights'] as const) this.live.revision(topic)();
      if (!primed) {
        primed = true; // the first run only reads the counters
        return;
      }
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => {
        pending = null;
        this.refresh();
      }, LIVE_DEBOUNCE_MS);
    });
    // And at the user's refresh rate (30 s unless changed in Settings) whatever the feed says: figures like "today" move with the clock.
    autoRefresh(() => this.refresh());
    inject(DestroyRef).onDestroy(() => {
      if (pending) clearTimeout(pending);
    });
  }

  private refresh(): void {
    for (const r of [this.metrics, this.trends, this.distribution, this.activity]) if (!r.isLoading()) r.reload();
  }
}
