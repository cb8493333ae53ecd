import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { LEAD_PRIORITIES, LEAD_STATUSES, type Campaign, type LeadPriority, type LeadStatus } from '../../../core/api/api.types';
import { LEAD_STATUS_LABELS, humanize } from '../../../core/ui/labels';

export type BulkChangeKind = 'status' | 'priority' | 'campaign' | 'call' | 'delete';

export interface BulkChangeData {
  kind: BulkChangeKind;
  /** "3 leads", "all 1,234 leads matching the filters". */
  what: string;
  campaigns: readonly Campaign[];
  /** For 'call': the campaign that would start. */
  campaignName?: string;
}

export type BulkChoice =
  | { kind: 'status'; status: LeadStatus; reason: string }
  | { kind: 'priority'; priority: LeadPriority }
  | { kind: 'campaign'; campaignId: string }
  | { kind: 'call' }
  | { kind: 'delete' };

/**
 * Statuses a person can set on many leads at once. `calling` and `in_call` are the
 * dialer's alone; a callback needs a time per lead (the drawer sets it).
 */
const BULK_STATUSES = LEAD_STATUSES.filter((s) => s !== 'calling' && s !== 'in_call' && s !== 'callback_requested');
/** The contract's reason: 3 to 1,000 characters, recorded on each lead's timeline. */
const REASON_MIN = 3;
const REASON_MAX = 1000;

/** Asks what to change on the selected leads (status with the reason the API requires, priority, campaign), or confirms a delete. */
@Component({
  selector: 'app-bulk-change-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()">
      <h2 mat-dialog-title>{{ title }}</h2>
      <mat-dialog-content>
        @switch (data.kind) {
          @case ('status') {
            <p>Moves {{ data.what }}. Leads that cannot make this move keep their status and are listed afterwards with the reason.</p>
            <mat-form-field appearance="outline">
              <mat-label>New status</mat-label>
              <mat-select formControlName="status" required>
                @for (s of statuses; track s) {
                  <mat-option [value]="s">{{ statusLabels[s] }}</mat-option>
                }
              </mat-select>
              @if (form.controls.status.touched && form.controls.status.invalid) {
                <mat-error>Choose the new status</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Reason</mat-label>
              <textarea matInput formControlName="reason" rows="2" [attr.maxlength]="reasonMax" required></textarea>
              <mat-hint>Recorded on each lead's timeline</mat-hint>
              @if (form.controls.reason.touched && form.controls.reason.invalid) {
                <mat-error>Say why, in at least {{ reasonMin }} characters</mat-error>
              }
            </mat-form-field>
          }
          @case ('priority') {
            <p>Sets the priority of {{ data.what }}.</p>
            <mat-form-field appearance="outline">
              <mat-label>Priority</mat-label>
              <mat-select formControlName="priority" required>
                @for (p of priorities; track p) {
                  <mat-option [value]="p">{{ humanize(p) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          }
          @case ('campaign') {
            <p>Adds {{ data.what }} to a campaign; a lead leaves the campaign it was in.</p>
            <mat-form-field appearance="outline">
              <mat-label>Campaign</mat-label>
              <mat-select formControlName="campaignId" required>
                @for (c of openCampaigns; track c.id) {
                  <mat-option [value]="c.id">{{ c.name }} ({{ humanize(c.status) }})</mat-option>
                }
              </mat-select>
              @if (!openCampaigns.length) {
                <mat-hint>No campaign takes leads now: create one on the Campaigns page</mat-hint>
              }
              @if (form.controls.campaignId.touched && form.controls.campaignId.invalid) {
                <mat-error>Choose a campaign</mat-error>
              }
            </mat-form-field>
          }
          @case ('call') {
            <p>Starts calling the campaign {{ data.campaignName }} (or resumes it when paused). The dialer calls its leads inside each lead's own calling hours, not only the selected ones.</p>
          }
          @case ('delete') {
            <p>Deletes {{ data.what }}. They leave every list and campaign; their calls stay in the reports.</p>
          }
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="null">Cancel</button>
        <button mat-flat-button type="submit" [class.destructive]="data.kind === 'delete'">{{ action }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
    p {
      margin-top: 0;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class BulkChangeDialog {
  protected readonly data = inject<BulkChangeData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<BulkChangeDialog, BulkChoice | null>>(MatDialogRef);
  protected readonly statuses = BULK_STATUSES;
  protected readonly statusLabels = LEAD_STATUS_LABELS;
  protected readonly priorities = LEAD_PRIORITIES;
  protected readonly humanize = humanize;
  protected readonly reasonMin = REASON_MIN;
  protected readonly reasonMax = REASON_MAX;
  /** Completed and archived campaigns refuse new leads. */
  protected readonly openCampaigns = this.data.campaigns.filter((c) => c.status !== 'completed' && c.status !== 'archived');

  protected readonly form = inject(FormBuilder).nonNullable.group({
    status: ['' as LeadStatus | '', this.data.kind === 'status' ? Validators.required : []],
    reason: ['', this.data.kind === 'status' ? [Validators.required, (c: { value: string }) => (c.value.trim().length >= REASON_MIN ? null : { short: true })] : []],
    priority: ['' as LeadPriority | '', this.data.kind === 'priority' ? Validators.required : []],
    campaignId: ['', this.data.kind === 'campaign' ? Validators.required : []],
  });

  protected readonly title = { status: 'Change status', priority: 'Change priority', campaign: 'Assign to a campaign', call: 'Start calling?', delete: 'Delete leads?' }[this.data.kind];
  protected readonly action = { status: 'Change status', priority: 'Set priority', campaign: 'Assign', call: 'Start calling', delete: 'Delete' }[this.data.kind];

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const choice: BulkChoice =
      this.data.kind === 'status'
        ? { kind: 'status', status: v.status as LeadStatus, reason: v.reason.trim() }
        : this.data.kind === 'priority'
          ? { kind: 'priority', priority: v.priority as LeadPriority }
          : this.data.kind === 'campaign'
            ? { kind: 'campaign', campaignId: v.campaignId }
            : { kind: this.data.kind };
    this.ref.close(choice);
  }
}
