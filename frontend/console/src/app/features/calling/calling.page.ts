import { DatePipe, DecimalPipe } from '@angular/common';
import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar, MatSnackBarModule } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { Call } from '@soraaya/contracts';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import { expectObject, type CampaignList, type LeadDetail, type LeadPage } from '../../core/api/api.types';
import { PermissionsStore } from '../../core/auth/permissions.store';
import { CampaignNamesStore } from '../../core/data/campaign-names.store';
import { PersonaNamesStore } from '../../core/data/persona-names.store';
import { LiveFeedStore } from '../../core/live/live-feed.store';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { humanize } from '../../core/ui/labels';
import { autoRefresh } from '../../core/ui/refresh-rate.store';
import { StatusChip } from '../../core/ui/status-chip';
import {
  CALL_STATE_LABELS,
  CALL_STATE_TONES,
  callOfEvent,
  callSeconds,
  callingTotals,
  campaignRows,
  clock,
  clockWords,
  endedCalls,
  liveCalls,
  mergeCalls,
  prunePatches,
  type CallingStatus,
  type CampaignRow,
} from './calling-view';
import { CallingService } from './calling.service';

/** How many ended calls' leads are looked up one by one (the live ones come in one list). */
const LEAD_LOOKUPS = 30;

/** Live calls with their clocks, each campaign's pacing and counters, start/stop and stop-all; live. */
@Component({
  selector: 'app-calling-page',
  imports: [DatePipe, DecimalPipe, RouterLink, MatButtonModule, MatDialogModule, MatIconModule, MatProgressBarModule, MatSnackBarModule, MatTooltipModule, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calling.page.html',
  styleUrl: './calling.page.scss',
})
export default class CallingPage {
  private readonly base = inject(API_BASE_URL);
  private readonly http = inject(HttpClient);
  private readonly live = inject(LiveFeedStore);
  private readonly calling = inject(CallingService);
  private readonly snack = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  protected readonly permissions = inject(PermissionsStore);
  protected readonly campaignNames = inject(CampaignNamesStore);
  protected readonly personas = inject(PersonaNamesStore);

  protected readonly status = httpResource<CallingStatus>(() => `${this.base}/calling/status`, { parse: (v) => expectObject<CallingStatus>(v, 'campaigns', 'recentCalls') });
  /** Drafts can be started from here too; the dialer lists only active and paused campaigns. */
  private readonly drafts = httpResource<CampaignList>(() => ({ url: `${this.base}/campaigns`, params: { status: 'draft' } }), { parse: (v) => expectObject<CampaignList>(v, 'items') });
  /** Names of the leads on the phone now, in one request (agents get their own only). */
  private readonly onCall = httpResource<LeadPage>(() => ({ url: `${this.base}/leads`, params: { status: 'calling,in_call', limit: 100 } }), { parse: (v) => expectObject<LeadPage>(v, 'items') });

  /** Calls moved by live events since the last status answer, by id. */
  private readonly patches = signal<ReadonlyMap<string, Call>>(new Map());
  private readonly looked = signal<ReadonlyMap<string, string | null>>(new Map());
  protected readonly now = signal(Date.now());

  protected readonly canControl = computed(() => this.permissions.can('calling:control'));
  private readonly value = computed(() => (this.status.hasValue() ? this.status.value() : null));
  private readonly calls = computed(() => mergeCalls(this.value()?.recentCalls ?? [], this.patches()));
  protected readonly liveCalls = computed(() => liveCalls(this.calls()));
  protected readonly ended = computed(() => endedCalls(this.calls()));
  protected readonly totals = computed(() => callingTotals(this.value()));
  protected readonly rows = computed(() => campaignRows(this.value()?.campaigns ?? [], this.drafts.hasValue() ? this.drafts.value().items : [], this.canControl()));
  protected readonly anyActive = computed(() => this.rows().some((r) => r.status === 'active'));
  private readonly leadNames = computed(() => {
    const names = new Map<string, string | null>(this.looked());
    for (const l of this.onCall.hasValue() ? this.onCall.value().items : []) names.set(l.id, l.contactPerson);
    return names;
  });
  protected readonly error = computed(() => (this.status.error() ? errorMessage(this.status.error()) : null));
  protected readonly busy = signal<string | null>(null);

  protected readonly stateLabels = CALL_STATE_LABELS;
  protected readonly stateTones = CALL_STATE_TONES;
  protected readonly clock = clock;
  protected readonly clockWords = clockWords;
  protected readonly humanize = humanize;

  constructor() {
    // Clocks tick every second; nothing else re-renders for them.
    const tick = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(tick));

    // A call's move shows at once from its event; the counters follow from a (coalesced) reload.
    effect(() => {
      const call = callOfEvent(this.live.lastEvent());
      if (call) untracked(() => this.patches.update((m) => new Map(m).set(call.id, call)));
    });
    effect(() => {
      const v = this.value();
      if (v) untracked(() => this.patches.update((m) => prunePatches(m, v.recentCalls)));
    });
    let primed = false;
    effect(() => {
      this.live.revision('calls')();
      this.live.revision('campaigns')();
      if (!primed) {
        primed = true;
        return;
      }
      untracked(() => this.refresh());
    });
    autoRefresh(() => this.refresh());
    effect(() => {
      const ids = this.ended().map((c) => c.leadId);
      if (!this.onCall.isLoading()) untracked(() => this.lookUp(ids));
    });
  }

  protected leadName(call: Call): string {
    return this.leadNames().get(call.leadId) ?? `Lead …${call.leadId.slice(-4)}`;
  }

  protected seconds(call: Call): number {
    return callSeconds(call, this.now());
  }

  protected async start(row: CampaignRow): Promise<void> {
    await this.act(row.campaignId, async () => {
      await this.calling.start(row.campaignId);
      return `${row.name}: calling`;
    });
  }

  protected async stop(row: CampaignRow): Promise<void> {
    await this.act(row.campaignId, async () => {
      await this.calling.stop(row.campaignId);
      return `${row.name}: stopped (paused); calls in progress finish`;
    });
  }

  protected async stopAll(): Promise<void> {
    const active = this.rows().filter((r) => r.status === 'active');
    const reason = await confirmAction(this.dialog, {
      title: 'Stop all calling?',
      message: `${active.length === 1 ? `“${active[0]!.name}” pauses` : `All ${active.length} calling campaigns pause`}: no new calls are placed; calls in progress finish. Start each campaign again when ready.`,
      confirmLabel: 'Stop all calling',
      note: { label: 'Reason (optional)', minLength: 3, maxLength: 500 },
      destructive: true,
    });
    if (reason === null) return;
    await this.act('all', async () => {
      const { paused } = await this.calling.stop(undefined, reason || undefined);
      return paused.length ? `Stopped ${paused.length} campaign${paused.length === 1 ? '' : 's'}` : 'Nothing was calling';
    });
  }

  private async act(key: string, run: () => Promise<string>): Promise<void> {
    this.busy.set(key);
    try {
      this.snack.open(await run(), undefined, { duration: 3000 });
      this.refresh();
      this.campaignNames.campaigns.reload();
    } catch (err) {
      this.snack.open(errorMessage(err), 'Dismiss', { duration: 6000 });
    } finally {
      this.busy.set(null);
    }
  }

  private refresh(): void {
    for (const r of [this.status, this.drafts, this.onCall]) if (!r.isLoading()) r.reload();
  }

  /** Leads of ended calls: asked once each (their status has moved on, so the on-call list lacks them). */
  private lookUp(ids: string[]): void {
    const known = this.leadNames();
    const missing = [...new Set(ids)].filter((id) => !known.has(id)).slice(0, Math.max(0, LEAD_LOOKUPS - this.looked().size));
    if (!missing.length) return;
    this.looked.update((m) => new Map([...m, ...missing.map((id) => [id, null] as const)]));
    for (const id of missing) {
      firstValueFrom(this.http.get<LeadDetail>(`${this.base}/leads/${id}`))
        .then((d) => this.looked.update((m) => new Map(m).set(id, d.lead.contactPerson)))
        .catch(() => undefined); // an agent's view of someone else's lead: the id stays
    }
  }
}
