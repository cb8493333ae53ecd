import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../../../core/api/api-error';
import { CampaignNamesStore } from '../../../core/data/campaign-names.store';
import { humanize } from '../../../core/ui/labels';
import { LeadsApi, type LeadQuery, type LeadTarget } from '../leads-api.service';
import { BulkChangeDialog, type BulkChangeData, type BulkChangeKind, type BulkChoice } from './bulk-change-dialog';
import { assignSummary, bulkSummary, refusedLine, type BulkSummary } from './bulk-result';
import { DELETE_MAX, leadsWord, selectedCount, selectionCampaign, selectionLabel, selectionWhat, tooManyFor, type LeadSelection } from './lead-selection';

/**
 * The bar above the lead table while leads are selected: what is selected,
 * "select all N matching", and the bulk actions with their outcome in words
 * ("412 updated, 3 refused" and why).
 */
@Component({
  selector: 'app-lead-bulk-bar',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (count() > 0) {
      <section class="bar" aria-label="Bulk actions">
        <div class="what">
          <span class="count" role="status">{{ label() }}</span>
          @if (offerMatching()) {
            <button mat-button type="button" (click)="selectMatching.emit()">Select all {{ matchingLabel() }} matching the filters</button>
          }
          <button mat-button type="button" (click)="clear.emit()">Clear selection</button>
        </div>
        <div class="actions">
          <button mat-stroked-button type="button" (click)="run('status')" [disabled]="busy() || !!tooManyToChange()" [matTooltip]="tooManyToChange() ?? ''"><mat-icon>swap_horiz</mat-icon>Status</button>
          <button mat-stroked-button type="button" (click)="run('priority')" [disabled]="busy() || !!tooManyToChange()" [matTooltip]="tooManyToChange() ?? ''"><mat-icon>flag</mat-icon>Priority</button>
          <button mat-stroked-button type="button" (click)="run('campaign')" [disabled]="busy()"><mat-icon>campaign</mat-icon>Assign to campaign</button>
          <button mat-stroked-button type="button" (click)="run('call')" [disabled]="busy() || !callCampaign().campaignId" [matTooltip]="callCampaign().why ?? ''" [attr.aria-description]="callCampaign().why">
            <mat-icon>call</mat-icon>Start calling
          </button>
          <button mat-stroked-button type="button" (click)="exportSelection()" [disabled]="busy()"><mat-icon>download</mat-icon>Export</button>
          <button mat-stroked-button type="button" class="danger" (click)="run('delete')" [disabled]="busy() || !!tooManyToDelete()" [matTooltip]="tooManyToDelete() ?? ''" [attr.aria-description]="tooManyToDelete()">
            <mat-icon>delete</mat-icon>Delete
          </button>
        </div>
      </section>
    }
    <div class="progress">
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" aria-label="Working on the selected leads" />
      }
    </div>
    <div aria-live="polite">
      @if (result(); as r) {
        <section class="result" [class]="'tone-' + r.tone" aria-label="Result of the bulk action">
          <mat-icon aria-hidden="true">{{ r.tone === 'success' ? 'check_circle' : r.tone === 'danger' ? 'error' : 'warning' }}</mat-icon>
          <div class="text">
            <strong>{{ r.headline }}</strong>
            @if (r.refused.length) {
              <ul>
                @for (g of r.refused; track g.message) {
                  <li>{{ refusedLine(g) }}</li>
                }
              </ul>
            }
          </div>
          <button mat-icon-button type="button" (click)="result.set(null)" aria-label="Dismiss the result"><mat-icon>close</mat-icon></button>
        </section>
      }
    </div>
  `,
  styles: `
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      padding: 8px 12px;
      margin-bottom: 8px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .what,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .count {
      font: var(--mat-sys-title-small);
      margin-right: 4px;
    }
    .what button {
      --mat-button-text-label-text-color: var(--mat-sys-on-secondary-container);
    }
    .actions button {
      --mat-button-outlined-label-text-color: var(--mat-sys-on-secondary-container);
      --mat-button-outlined-outline-color: var(--mat-sys-outline);
      background: var(--mat-sys-surface-container-lowest);
    }
    .actions button.danger:not([disabled]) {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
    }
    .progress {
      height: 4px;
    }
    .result {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 4px 4px 4px 16px;
      margin-bottom: 12px;
      border-radius: 8px;
      mat-icon {
        flex: none;
      }
      .text {
        flex: 1;
      }
      .text {
        padding: 8px 0;
      }
      ul {
        margin: 6px 0 0;
        padding-left: 18px;
      }
      button {
        color: inherit;
      }
    }
  `,
})
export class LeadBulkBar {
  private readonly api = inject(LeadsApi);
  private readonly dialog = inject(MatDialog);
  private readonly campaigns = inject(CampaignNamesStore);

  readonly selection = input.required<LeadSelection>();
  /** The list's filters: what "all matching" means. */
  readonly query = input.required<LeadQuery>();
  readonly offerMatching = input(false);
  readonly matchingLabel = input('');
  readonly selectMatching = output<void>();
  readonly clear = output<void>();
  /** Leads changed: the page reloads and clears the selection. */
  readonly changed = output<void>();

  protected readonly busy = signal(false);
  protected readonly result = signal<BulkSummary | null>(null);
  protected readonly refusedLine = refusedLine;

  protected readonly count = computed(() => selectedCount(this.selection()));
  protected readonly label = computed(() => selectionLabel(this.selection()));
  protected readonly callCampaign = computed(() => selectionCampaign(this.selection(), this.query().campaignId));
  protected readonly tooManyToChange = computed(() => tooManyFor('update', this.selection()));
  protected readonly tooManyToDelete = computed(() => tooManyFor('delete', this.selection()));
  /** Names the page knows, for the refused list. */
  private readonly names = computed(() => {
    const sel = this.selection();
    return new Map(sel.kind === 'picked' ? [...sel.leads.values()].map((l) => [l.id, l.contactPerson] as const) : []);
  });
  private readonly target = computed<LeadTarget>(() => {
    const sel = this.selection();
    return sel.kind === 'picked' ? { ids: [...sel.leads.keys()] } : { filters: this.query() };
  });

  protected async run(kind: BulkChangeKind): Promise<void> {
    const sel = this.selection();
    const campaignId = this.callCampaign().campaignId;
    const data: BulkChangeData = {
      kind,
      what: selectionWhat(sel),
      campaigns: this.campaigns.list(),
      campaignName: campaignId ? this.campaigns.name(campaignId) : undefined,
    };
    const ref = this.dialog.open<BulkChangeDialog, BulkChangeData, BulkChoice | null>(BulkChangeDialog, { data, width: '480px', maxWidth: '94vw' });
    const choice = await firstValueFrom(ref.afterClosed());
    if (!choice) return;
    await this.work(() => this.apply(choice, campaignId), choice.kind !== 'call');
  }

  protected async exportSelection(): Promise<void> {
    await this.work(async () => {
      await this.api.export(this.target());
      return { headline: `Exported ${leadsWord(this.count())} as CSV`, tone: 'success', refused: [] };
    }, false);
  }

  private async apply(choice: BulkChoice, callCampaignId: string | null): Promise<BulkSummary> {
    const target = this.target();
    switch (choice.kind) {
      case 'status':
        return bulkSummary(await this.api.bulkUpdate(await this.api.ids(target), { status: choice.status }, choice.reason), 'updated', this.names());
      case 'priority':
        return bulkSummary(await this.api.bulkUpdate(await this.api.ids(target), { priority: choice.priority }), 'updated', this.names());
      case 'campaign':
        return assignSummary(await this.api.assignToCampaign(choice.campaignId, target), this.campaigns.name(choice.campaignId));
      case 'delete': {
        const ids = 'ids' in target ? [...target.ids] : await this.api.matchingIds(target.filters, DELETE_MAX + 1);
        if (ids.length > DELETE_MAX) return { headline: `The filters now match more than ${DELETE_MAX} leads; nothing was deleted`, tone: 'danger', refused: [] };
        return bulkSummary(await this.api.deleteMany(ids), 'deleted', this.names());
      }
      case 'call': {
        const campaign = await this.api.startCalling(callCampaignId!);
        this.campaigns.campaigns.reload();
        return { headline: `${campaign.name} is ${humanize(campaign.status).toLowerCase()}: its leads are called inside their calling hours`, tone: 'success', refused: [] };
      }
    }
  }

  /** Runs an action with the bar busy; its summary (or the failure) stays on screen until dismissed. */
  private async work(action: () => Promise<BulkSummary>, changesLeads: boolean): Promise<void> {
    this.busy.set(true);
    this.result.set(null);
    try {
      this.result.set(await action());
      if (changesLeads) this.changed.emit();
    } catch (err) {
      this.result.set({ headline: errorMessage(err), tone: 'danger', refused: [] });
    } finally {
      this.busy.set(false);
    }
  }
}
