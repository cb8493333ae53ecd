import { DatePipe } from '@angular/common';
import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { PerformanceReport, ReportGrouping } from '@soraaya/contracts';
import { BarChartModule } from '@swimlane/ngx-charts';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import { expectObject } from '../../core/api/api.types';
import { PermissionsStore } from '../../core/auth/permissions.store';
import { CampaignNamesStore } from '../../core/data/campaign-names.store';
import { CHART_SCHEME, integerTicks } from '../../core/ui/chart-scheme';
import { httpParams } from '../../core/ui/url-state';
import { chartHeight, defaultRange, fileNameFrom, partialNotice, rangeError, reportBars, reportLines, totalsLine } from './reports-view';

const GROUPS: { value: ReportGrouping; label: string }[] = [
  { value: 'campaign', label: 'Campaign' },
  { value: 'persona', label: 'Agent persona' },
  { value: 'source', label: 'Lead source' },
];

/** Performance over a chosen range by campaign, persona or lead source: table, charts, CSV and PDF. */
@Component({
  selector: 'app-reports-page',
  imports: [DatePipe, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule, BarChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reports.page.html',
  styleUrl: './reports.page.scss',
})
export default class ReportsPage {
  private readonly base = inject(API_BASE_URL);
  private readonly http = inject(HttpClient);
  protected readonly permissions = inject(PermissionsStore);
  protected readonly campaigns = inject(CampaignNamesStore);

  protected readonly groups = GROUPS;
  protected readonly from = signal(defaultRange().from);
  protected readonly to = signal(defaultRange().to);
  protected readonly groupBy = signal<ReportGrouping>('campaign');
  protected readonly campaignId = signal('');
  protected readonly invalid = computed(() => rangeError(this.from(), this.to()));
  private readonly query = computed(() =>
    this.invalid() ? undefined : httpParams({ from: this.from(), to: this.to(), group_by: this.groupBy(), campaign_id: this.campaignId() }),
  );

  protected readonly report = httpResource<PerformanceReport>(
    () => {
      const params = this.query();
      return params && this.permissions.can('reports:read') ? { url: `${this.base}/reports/performance`, params } : undefined;
    },
    { parse: (v) => expectObject<PerformanceReport>(v, 'rows', 'partial') },
  );
  protected readonly r = computed(() => (this.report.hasValue() ? this.report.value() : null));
  protected readonly lines = computed(() => (this.r() ? reportLines(this.r()!) : []));
  protected readonly totals = computed(() => (this.r() ? totalsLine(this.r()!) : null));
  protected readonly bars = computed(() => (this.r() ? reportBars(this.r()!) : { qualified: [], connectRate: [] }));
  /** A bar's worth of height per group, so one group is not a wall of colour. */
  protected readonly chartHeight = computed(() => chartHeight(this.lines().length));
  protected readonly missing = computed(() => partialNotice(this.r()?.partial ?? []));
  protected readonly error = computed(() => (this.report.error() ? errorMessage(this.report.error()) : null));
  protected readonly groupLabel = computed(() => GROUPS.find((g) => g.value === this.groupBy())?.label ?? 'Group');

  protected readonly downloading = signal<'csv' | 'pdf' | null>(null);
  protected readonly downloadError = signal<string | null>(null);

  protected readonly scheme = CHART_SCHEME;
  protected readonly integerTicks = integerTicks;
  protected readonly percentTicks = (v: number): string => `${v}%`;
  protected readonly columns = ['label', 'leads', 'dialed', 'connected', 'connectRate', 'qualified', 'qualificationRate', 'notInterested', 'callbacks', 'humanNeeded', 'averageCall', 'cost', 'costPerQualified'] as const;

  protected inputValue(e: Event): string {
    return (e.target as HTMLInputElement).value;
  }

  /** The file through HttpClient (so the access token goes with it), saved under the server's name. */
  protected async download(ext: 'csv' | 'pdf'): Promise<void> {
    const params = this.query();
    if (!params || this.downloading()) return;
    this.downloading.set(ext);
    this.downloadError.set(null);
    try {
      const res = await firstValueFrom(this.http.get(`${this.base}/reports/performance.${ext}`, { params, observe: 'response', responseType: 'blob' }));
      const name = fileNameFrom(res.headers.get('content-disposition'), `soraaya-performance-${this.from()}-${this.to()}-${this.groupBy()}.${ext}`);
      const url = URL.createObjectURL(res.body ?? new Blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      this.downloadError.set(`The ${ext.toUpperCase()} could not be downloaded: ${errorMessage(e)}`);
    } finally {
      this.downloading.set(null);
    }
  }
}
