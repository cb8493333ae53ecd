import { DatePipe } from '@angular/common';
import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar, MatSnackBarModule } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import { applyServerErrors } from '../../core/api/field-errors';
import { CampaignNamesStore } from '../../core/data/campaign-names.store';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { errorText, notBlank, problemsValidator } from '../../core/ui/form-errors';
import { e164Problem, normalizeE164 } from './settings-view';

/** services/gateway/src/routes/phone-line.routes.ts phoneLineSchema. */
interface PhoneLine {
  id: string;
  number: string;
  vapiPhoneNumberId: string | null;
  label: string;
  campaignId: string | null;
  createdAt: string;
}

/** Admins: the organisation's own numbers, so callers ringing back reach its assistant. */
@Component({
  selector: 'app-phone-line-settings',
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule, MatSnackBarModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './phone-line-settings.html',
  styleUrl: './settings.scss',
})
export class PhoneLineSettings {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  private readonly snack = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  protected readonly campaigns = inject(CampaignNamesStore);

  protected readonly lines = httpResource<PhoneLine[]>(() => `${this.base}/phone-lines`, {
    parse: (v) => {
      if (!Array.isArray(v)) throw new Error('Unexpected response: not a list of phone lines');
      return v as PhoneLine[];
    },
  });
  protected readonly rows = computed(() => (this.lines.hasValue() ? this.lines.value() : []));
  protected readonly openCampaigns = computed(() => this.campaigns.list().filter((c) => c.status !== 'archived' && c.status !== 'completed'));
  protected readonly columns = ['number', 'label', 'campaign', 'vapi', 'added', 'actions'];
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly error = computed(() => (this.lines.error() ? errorMessage(this.lines.error()) : null));

  protected readonly form = inject(FormBuilder).nonNullable.group({
    number: ['', [notBlank, problemsValidator((v) => (e164Problem(v) ? [e164Problem(v)!] : []))]],
    label: ['', [notBlank, Validators.maxLength(80)]],
    campaignId: [''],
    vapiPhoneNumberId: ['', Validators.maxLength(100)],
  });
  protected readonly errorText = (c: AbstractControl) => errorText(c.errors);

  protected async add(): Promise<void> {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body = { number: normalizeE164(v.number), label: v.label.trim(), ...(v.campaignId ? { campaignId: v.campaignId } : {}), ...(v.vapiPhoneNumberId.trim() ? { vapiPhoneNumberId: v.vapiPhoneNumberId.trim() } : {}) };
    this.busy.set(true);
    try {
      const line = await firstValueFrom(this.http.post<PhoneLine>(`${this.base}/phone-lines`, body));
      this.snack.open(`${line.number} added: calls to it reach your assistant`, undefined, { duration: 3500 });
      this.form.reset();
      this.lines.reload();
    } catch (err) {
      this.formError.set(applyServerErrors(this.form.controls, err) ?? errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(line: PhoneLine): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: `Remove ${line.number}?`,
      message: `Callers ringing ${line.label} (${line.number}) will no longer reach your assistant. Calls already in progress finish.`,
      confirmLabel: 'Remove line',
      destructive: true,
    });
    if (ok === null) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.http.delete(`${this.base}/phone-lines/${line.id}`));
      this.snack.open(`${line.number} removed`, undefined, { duration: 2500 });
      this.lines.reload();
    } catch (err) {
      this.snack.open(errorMessage(err), 'Dismiss', { duration: 6000 });
    } finally {
      this.busy.set(false);
    }
  }
}
