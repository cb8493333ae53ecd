import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { LEAD_PRIORITIES, LEAD_STATUSES, type Lead } from '../../../core/api/api.types';
import { LEAD_STATUS_LABELS, humanize } from '../../../core/ui/labels';
import { IMPORT_FIELD_LABELS } from '../import/import-mapping';
import { LeadsApi } from '../leads-api.service';
import { EMPTY_LEAD_FORM, MAX_LENGTH, PROPERTY_TYPES, createLeadBody, createLeadRefusal, leadFieldError, sentence, type LeadFormField } from './lead-form';

/** What the dialog closes with: the lead to open, if the person asked for one. */
export interface AddLeadResult {
  created: number;
  openLeadId: string | null;
}

const SOURCES = ['manual', 'referral', 'website', 'walk_in', 'nri_portal', 'api', 'csv_import'];
const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Kolkata'];

/**
 * Add one lead. The contract's rules are checked while typing; the server's
 * refusals (a phone it cannot read, a duplicate) land on their fields, and a
 * duplicate phone offers the lead that has it. After saving, the lead as the
 * server stored it: the phone in E.164, the time zone it derived.
 */
@Component({
  selector: 'app-add-lead-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatAutocompleteModule, MatIconModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './add-lead-dialog.html',
  styleUrl: './add-lead-dialog.scss',
})
export class AddLeadDialog {
  private readonly api = inject(LeadsApi);
  private readonly ref = inject<MatDialogRef<AddLeadDialog, AddLeadResult>>(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly labels = IMPORT_FIELD_LABELS;
  protected readonly maxLength = MAX_LENGTH;
  protected readonly statuses = LEAD_STATUSES;
  protected readonly statusLabels = LEAD_STATUS_LABELS;
  protected readonly priorities = LEAD_PRIORITIES;
  protected readonly propertyTypes = PROPERTY_TYPES;
  protected readonly sources = SOURCES;
  protected readonly humanize = humanize;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    contactPerson: [EMPTY_LEAD_FORM.contactPerson, contractRule('contactPerson')],
    phone: [EMPTY_LEAD_FORM.phone, contractRule('phone')],
    email: [EMPTY_LEAD_FORM.email, contractRule('email')],
    propertyName: [EMPTY_LEAD_FORM.propertyName, contractRule('propertyName')],
    propertyType: [EMPTY_LEAD_FORM.propertyType],
    location: [EMPTY_LEAD_FORM.location, contractRule('location')],
    priceRange: [EMPTY_LEAD_FORM.priceRange, contractRule('priceRange')],
    status: [EMPTY_LEAD_FORM.status],
    priority: [EMPTY_LEAD_FORM.priority],
    leadSource: [EMPTY_LEAD_FORM.leadSource, contractRule('leadSource')],
    timeZone: [EMPTY_LEAD_FORM.timeZone, contractRule('timeZone')],
    notes: [EMPTY_LEAD_FORM.notes, contractRule('notes')],
  });
  private readonly zoneText = toSignal(this.form.controls.timeZone.valueChanges, { initialValue: '' });
  protected readonly zoneOptions = computed(() => {
    const q = this.zoneText().trim().toLowerCase();
    return (q ? ZONES.filter((z) => z.toLowerCase().includes(q)) : ['Asia/Kolkata', 'Asia/Dubai', 'Europe/London', 'America/New_York', 'Asia/Singapore']).slice(0, 50);
  });

  protected readonly saving = signal(false);
  protected readonly problems = signal<string[]>([]);
  /** A lead with the phone entered exists: the one to offer. */
  protected readonly existingLeadId = signal<string | null>(null);
  /** The lead just saved, as the server stored it. */
  protected readonly saved = signal<Lead | null>(null);
  private created = 0;

  /** The message under a field: the server's for it, else the contract's. */
  protected errorOf(field: LeadFormField): string {
    const errors = this.form.controls[field].errors;
    const message = (errors?.['server'] ?? errors?.['contract'] ?? '') as string;
    return sentence(IMPORT_FIELD_LABELS[field], message);
  }

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    this.problems.set([]);
    this.existingLeadId.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    this.saving.set(true);
    try {
      const lead = await this.api.create(createLeadBody(this.form.getRawValue()));
      this.created += 1;
      this.saved.set(lead);
    } catch (err) {
      const refusal = createLeadRefusal(err);
      for (const [field, message] of Object.entries(refusal.fields) as [LeadFormField, string][]) {
        const control = this.form.controls[field];
        control.setErrors({ ...control.errors, server: message });
        control.markAsTouched();
      }
      this.problems.set(refusal.other);
      this.existingLeadId.set(refusal.existingLeadId);
      this.focusFirstInvalid();
    } finally {
      this.saving.set(false);
    }
  }

  protected addAnother(): void {
    this.saved.set(null);
    this.form.reset();
    setTimeout(() => this.host.nativeElement.querySelector<HTMLInputElement>('input[formcontrolname="contactPerson"]')?.focus());
  }

  protected close(openLeadId: string | null = null): void {
    this.ref.close({ created: this.created, openLeadId });
  }

  private focusFirstInvalid(): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('.mat-mdc-form-field-invalid input, .mat-mdc-form-field-invalid textarea, .mat-mdc-form-field-invalid mat-select')?.focus());
  }
}

/** The contract's rule for one field as an Angular validator. */
function contractRule(field: LeadFormField) {
  return (c: AbstractControl): ValidationErrors | null => {
    const message = leadFieldError(field, String(c.value ?? ''));
    return message ? { contract: message } : null;
  };
}
