import { DatePipe, DecimalPipe } from '@angular/common';
import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar, MatSnackBarModule } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import { BarChartModule } from '@swimlane/ngx-charts';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import { expectObject, type Campaign, type CampaignList, type CampaignPerformance, type CampaignStatus } from '../../core/api/api.types';
import { PersonaNamesStore } from '../../core/data/persona-names.store';
import { LiveFeedStore } from '../../core/live/live-feed.store';
import { CHART_SCHEME } from '../../core/ui/chart-scheme';
import { PRIORITY_TONES, duration, humanize, percent, type Tone } from '../../core/ui/labels';
import { StatusChip } from '../../core/ui/status-chip';
import { httpParams, urlParams } from '../../core/ui/url-state';
import { CampaignWizardDialog, type WizardData } from './campaign-wizard.dialog';

const STATUS_TONES: Record<CampaignStatus, Tone> = { draft: 'neutral', active: 'success', paused: 'warning', completed: 'info', archived: 'muted' };
type Action = 'start' | 'pause' | 'resume' | 'stop';
const ACTIONS: Record<CampaignStatus, Action[]> = { draft: ['start'], active: ['pause', 'stop'], paused: ['resume', 'stop'], completed: [], archived: [] };
const ACTION_ICONS: Record<Action, string> = { start: 'play_arrow', pause: 'pause', resume: 'play_arrow', stop: 'stop' };

/** Campaigns with their status and lifecycle controls; the selected one's performance with its funnel. */
@Component({
  selector: 'app-campaigns-page',
  imports: [DatePipe, DecimalPipe, MatTableModule, MatButtonModule, MatButtonToggleModule, MatIconModule, MatProgressBarModule, MatSnackBarModule, BarChartModule, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './campaigns.page.html',
  styleUrl: './campaigns.page.scss',
})
export default class CampaignsPage {
  private readonly base = inject(API_BASE_URL);
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly live = inject(LiveFeedStore);
  private readonly snack = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  protected readonly personas = inject(PersonaNamesStore);

  readonly status = input<string>();
  readonly campaign = input<string>();
  protected readonly statusFilter = linkedSignal(() => this.status() ?? 'current');
  protected readonly selectedId = linkedSignal(() => this.campaign() ?? null);

  protected readonly campaigns = httpResource<CampaignList>(
    () => ({ url: `${this.base}/campaigns`, params: httpParams({ status: this.statusFilter() === 'current' ? 'draft,active,paused' : this.statusFilter() === 'all' ? null : this.statusFilter() }) }),
    { parse: (v) => expectObject<CampaignList>(v, 'items') },
  );
  protected readonly rows = computed<Campaign[]>(() => (this.campaigns.hasValue() ? this.campaigns.value().items : []));
  protected readonly selected = computed<Campaign | null>(() => this.rows().find((c) => c.id === this.selectedId()) ?? this.rows()[0] ?? null);
  protected readonly performance = httpResource<CampaignPerformance>(() => (this.selected() ? `${this.base}/campaigns/${this.selected()!.id}/performance` : undefined), {
    parse: (v) => expectObject<CampaignPerformance>(v, 'totals'),
  });
  protected readonly figures = computed(() => (this.performance.hasValue() ? this.performance.value().totals : null));
  protected readonly funnel = computed(() => {
    const f = this.figures();
    return f
      ? [
          { name: 'Assigned', value: f.leadsAssigned },
          { name: 'Dialed', value: f.dialed },
          { name: 'Connected', value: f.connected },
          { name: 'Qualified', value: f.qualified },
          { name: 'Follow-up', value: f.followUp },
          { name: 'Not interested', value: f.notInterested },
          { name: 'Need a human', value: f.humanNeeded },
        ]
      : [];
  });
  protected readonly error = computed(() => (this.campaigns.error() ? errorMessage(this.campaigns.error()) : null));

  protected readonly columns = ['name', 'status', 'type', 'priority', 'leadCount', 'dates', 'actions'];
  protected readonly statusTones = STATUS_TONES;
  protected readonly priorityTones: Record<string, Tone> = PRIORITY_TONES;
  protected readonly scheme = CHART_SCHEME;
  protected readonly humanize = humanize;
  protected readonly percent = percent;
  protected readonly duration = duration;
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      const params = urlParams({ status: this.statusFilter() === 'current' ? null : this.statusFilter(), campaign: this.selectedId() });
      untracked(() => this.router.navigate([], { relativeTo: this.route, replaceUrl: true, queryParams: params }));
    });
    effect(() => {
      if (this.live.revision('campaigns')() || this.live.revision('calls')()) {
        untracked(() => {
          this.campaigns.reload();
          this.performance.reload();
        });
      }
    });
  }

  /** The creation wizard, or the same steps over a draft or paused campaign. */
  protected openWizard(c?: Campaign, event?: Event): void {
    event?.stopPropagation();
    const ref = this.dialog.open<CampaignWizardDialog, WizardData, boolean>(CampaignWizardDialog, {
      data: { campaign: c },
      width: '960px',
      maxWidth: '100vw',
      height: 'calc(100vh - 32px)',
      autoFocus: 'first-tabbable',
      ariaLabel: c ? `Edit ${c.name}` : 'New campaign',
    });
    ref.afterClosed().subscribe((changed) => {
      if (changed) this.campaigns.reload();
    });
  }

  protected actionsOf(c: Campaign): Action[] {
    return ACTIONS[c.status];
  }

  protected actionIcon(a: Action): string {
    return ACTION_ICONS[a];
  }

  protected statusTone(c: Campaign): Tone {
    return STATUS_TONES[c.status];
  }

  protected async run(c: Campaign, action: Action, event: Event): Promise<void> {
    event.stopPropagation();
    this.busy.set(true);
    try {
      await firstValueFrom(this.http.post(`${this.base}/campaigns/${c.id}/${action}`, {}));
      this.snack.open(`${c.name}: ${action === 'stop' ? 'stopped' : action === 'start' ? 'started' : action + 'd'}`, undefined, { duration: 2500 });
      this.campaigns.reload();
    } catch (err) {
      this.snack.open(errorMessage(err), 'Dismiss', { duration: 6000 });
    } finally {
      this.busy.set(false);
    }
  }
}
