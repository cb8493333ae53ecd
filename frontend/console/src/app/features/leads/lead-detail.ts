import { DatePipe } from '@angular/common';
import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { MatTooltipModule } from '@angular/material/tooltip';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import { expectObject, type CallTranscript, type LeadDetail as LeadDetailData, type LeadTranscripts } from '../../core/api/api.types';
import { CampaignNamesStore } from '../../core/data/campaign-names.store';
import { LiveFeedStore } from '../../core/live/live-feed.store';
import { LEAD_STATUS_LABELS, LEAD_STATUS_TONES, PRIORITY_TONES, budget, duration, humanize, inr } from '../../core/ui/labels';
import { StatusChip } from '../../core/ui/status-chip';

const TIMELINE_ICONS: Partial<Record<string, string>> = {
  created: 'person_add',
  updated: 'edit',
  status_changed: 'swap_horiz',
  note: 'sticky_note_2',
  merged: 'merge',
  deleted: 'delete',
  call: 'call',
};

/** One lead: contact and interest, score with its factors, timeline, calls with transcripts, notes. */
@Component({
  selector: 'app-lead-detail',
  imports: [DatePipe, FormsModule, MatButtonModule, MatIconModule, MatTabsModule, MatExpansionModule, MatProgressBarModule, MatFormFieldModule, MatInputModule, MatTooltipModule, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './lead-detail.html',
  styleUrl: './lead-detail.scss',
})
export class LeadDetail {
  private readonly base = inject(API_BASE_URL);
  private readonly http = inject(HttpClient);
  private readonly live = inject(LiveFeedStore);
  protected readonly campaigns = inject(CampaignNamesStore);

  readonly leadId = input.required<string>();
  readonly close = output<void>();

  protected readonly detail = httpResource<LeadDetailData>(() => `${this.base}/leads/${this.leadId()}`, { parse: (v) => expectObject<LeadDetailData>(v, 'lead', 'timeline') });
  protected readonly transcripts = httpResource<LeadTranscripts>(() => `${this.base}/leads/${this.leadId()}/transcripts`, { parse: (v) => expectObject<LeadTranscripts>(v, 'items') });
  protected readonly lead = computed(() => (this.detail.hasValue() ? this.detail.value().lead : null));
  protected readonly calls = computed<CallTranscript[]>(() => (this.transcripts.hasValue() ? this.transcripts.value().items : []));
  protected readonly error = computed(() => (this.detail.error() ? errorMessage(this.detail.error()) : null));

  protected readonly statusLabels = LEAD_STATUS_LABELS;
  protected readonly statusTones = LEAD_STATUS_TONES;
  protected readonly priorityTones = PRIORITY_TONES;
  protected readonly humanize = humanize;
  protected readonly inr = inr;
  protected readonly budget = budget;
  protected readonly duration = duration;
  protected readonly timelineIcons = TIMELINE_ICONS;

  protected readonly noteText = signal('');
  protected readonly savingNote = signal(false);
  protected readonly noteError = signal<string | null>(null);

  constructor() {
    effect(() => {
      if (this.live.revision('leads')()) untracked(() => this.detail.reload());
    });
    effect(() => {
      if (this.live.revision('insights')() || this.live.revision('calls')()) untracked(() => this.transcripts.reload());
    });
  }

  /**
   * Same-origin recordings play inline; others (a provider's storage) open in a new tab, since
   * the gateway's Content-Security-Policy allows media only from itself.
   */
  protected playsInline(url: string): boolean {
    return new URL(url, location.href).origin === location.origin;
  }

  /** Seconds from the call's start as m:ss. */
  protected at(seconds: number | null): string {
    if (seconds === null) return '';
    const s = Math.floor(seconds);
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }

  /** The analyzer's sentiment of a user turn, by its index. */
  protected sentimentOf(call: CallTranscript, turn: number): string | null {
    return call.analysis?.result.turnSentiments.find((t) => t.turn === turn)?.sentiment ?? null;
  }

  protected async addNote(): Promise<void> {
    const body = this.noteText().trim();
    if (!body || this.savingNote()) return;
    this.savingNote.set(true);
    this.noteError.set(null);
    try {
      await firstValueFrom(this.http.post(`${this.base}/leads/${this.leadId()}/notes`, { body }));
      this.noteText.set('');
      this.detail.reload();
    } catch (err) {
      this.noteError.set(errorMessage(err));
    } finally {
      this.savingNote.set(false);
    }
  }
}
