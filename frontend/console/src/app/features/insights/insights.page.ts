import { DecimalPipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, untracked } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { BarChartModule, HeatMapModule, LegendPosition } from '@swimlane/ngx-charts';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import { expectObject, type ConversationInsights, type Recommendations, type TrendInsights } from '../../core/api/api.types';
import { CampaignNamesStore } from '../../core/data/campaign-names.store';
import { PersonaNamesStore } from '../../core/data/persona-names.store';
import { LiveFeedStore } from '../../core/live/live-feed.store';
import { CHART_SCHEME, HEAT_SCHEME, HEAT_SCHEME_DARK, SENTIMENT_SCHEME, integerTicks } from '../../core/ui/chart-scheme';
import { ThemeStore } from '../../core/ui/theme.store';
import { humanize, inr, percent } from '../../core/ui/labels';
import { httpParams, urlParams } from '../../core/ui/url-state';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const RECOMMENDATION_ICONS: Record<string, string> = { calling_window: 'schedule', persona: 'record_voice_over', objection: 'forum', timeline: 'event' };

/** What the calls say: objections, what qualified leads share, when people answer, sentiment, personas, and what to change. */
@Component({
  selector: 'app-insights-page',
  imports: [DecimalPipe, MatFormFieldModule, MatSelectModule, MatIconModule, MatProgressBarModule, BarChartModule, HeatMapModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './insights.page.html',
  styleUrl: './insights.page.scss',
})
export default class InsightsPage {
  private readonly base = inject(API_BASE_URL);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly live = inject(LiveFeedStore);
  protected readonly campaigns = inject(CampaignNamesStore);
  private readonly personas = inject(PersonaNamesStore);

  readonly days = input<string>();
  readonly campaign = input<string>();
  protected readonly window = linkedSignal(() => (['7', '30', '90'].includes(this.days() ?? '') ? Number(this.days()) : 7));
  protected readonly campaignFilter = linkedSignal(() => this.campaign() ?? '');

  private readonly params = computed(() => httpParams({ days: this.window(), campaignId: this.campaignFilter() }));
  protected readonly conversation = httpResource<ConversationInsights>(() => ({ url: `${this.base}/insights/conversation-analysis`, params: this.params() }), {
    parse: (v) => expectObject<ConversationInsights>(v, 'objections'),
  });
  protected readonly trends = httpResource<TrendInsights>(() => ({ url: `${this.base}/insights/trends`, params: this.params() }), { parse: (v) => expectObject<TrendInsights>(v, 'answerRateByHour') });
  protected readonly recommendations = httpResource<Recommendations>(() => ({ url: `${this.base}/insights/recommendations`, params: this.params() }), {
    parse: (v) => expectObject<Recommendations>(v, 'items'),
  });

  protected readonly c = computed(() => (this.conversation.hasValue() ? this.conversation.value() : null));
  protected readonly t = computed(() => (this.trends.hasValue() ? this.trends.value() : null));
  protected readonly recs = computed(() => (this.recommendations.hasValue() ? this.recommendations.value().items : []));
  protected readonly loading = computed(() => this.conversation.isLoading() || this.trends.isLoading() || this.recommendations.isLoading());
  protected readonly error = computed(() => {
    const e = this.conversation.error() ?? this.trends.error() ?? this.recommendations.error();
    return e ? errorMessage(e) : null;
  });

  protected readonly objections = computed(() => (this.c()?.objections ?? []).map((o) => ({ name: humanize(o.category), value: o.count })));
  /** Heatmap: a column per calling hour, a row per weekday, value = answer rate in %. */
  protected readonly heatmap = computed(() => {
    const cells = this.t()?.answerRateByHour ?? [];
    if (!cells.length) return [];
    const hours = cells.map((c) => c.hour);
    const from = Math.min(...hours);
    const to = Math.max(...hours);
    return Array.from({ length: to - from + 1 }, (_, i) => {
      const hour = from + i;
      return {
        name: `${String(hour).padStart(2, '0')}h`,
        // ngx-charts draws the first item at the bottom: Sunday last so Monday sits on top.
        series: [0, 6, 5, 4, 3, 2, 1].map((dow) => {
          const cell = cells.find((c) => c.dow === dow && c.hour === hour);
          return { name: WEEKDAYS[dow]!, value: cell ? Math.round(cell.rate * 100) : 0, extra: { calls: cell?.calls ?? 0 } };
        }),
      };
    });
  });
  /** Stacked bars per day: readable from the first day on (an area needs two). */
  protected readonly sentiment = computed(() =>
    (this.t()?.sentimentOverTime ?? []).map((d) => ({
      name: new Date(d.day).toLocaleDateString('en-IN', { day: 'numeric', month: 'short' }),
      series: [
        { name: 'Positive', value: d.positive },
        { name: 'Neutral', value: d.neutral },
        { name: 'Negative', value: d.negative },
      ],
    })),
  );
  protected readonly durations = computed(() => (this.t()?.durationByOutcome ?? []).map((d) => ({ name: humanize(d.outcome), value: Math.round(d.averageSeconds) })));

  protected readonly scheme = CHART_SCHEME;
  private readonly theme = inject(ThemeStore);
  protected readonly heatScheme = computed(() => (this.theme.isDark() ? HEAT_SCHEME_DARK : HEAT_SCHEME));
  protected readonly integerTicks = integerTicks;
  protected readonly sentimentScheme = SENTIMENT_SCHEME;
  protected readonly humanize = humanize;
  protected readonly percent = percent;
  protected readonly inr = inr;
  protected readonly recIcons: Partial<Record<string, string>> = RECOMMENDATION_ICONS;
  protected readonly legendBelow = LegendPosition.Below;

  constructor() {
    effect(() => {
      const params = urlParams({ days: this.window() === 7 ? null : this.window(), campaign: this.campaignFilter() });
      untracked(() => this.router.navigate([], { relativeTo: this.route, replaceUrl: true, queryParams: params }));
    });
    effect(() => {
      if (this.live.revision('insights')()) {
        untracked(() => {
          this.conversation.reload();
          this.trends.reload();
          this.recommendations.reload();
        });
      }
    });
  }

  protected entries(evidence: Record<string, number | string>): { key: string; value: string }[] {
    return Object.entries(evidence).map(([key, value]) => ({
      key: humanize(key.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()),
      value: typeof value === 'number' && value > 0 && value < 1 ? percent(value) : String(value),
    }));
  }

  protected personaLabel(id: string | null): string {
    return this.personas.name(id);
  }
}
