import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar, MatSnackBarModule } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import { NOTIFICATION_PRIORITIES, expectObject } from '../../core/api/api.types';
import { applyServerErrors } from '../../core/api/field-errors';
import { AuthStore } from '../../core/auth/auth.store';
import { errorText, problemsValidator } from '../../core/ui/form-errors';
import { humanize } from '../../core/ui/labels';
import { SMS_PATTERN, e164Problem, formToPreferences, preferencesToForm, type NotificationPreferences } from './settings-view';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Channels (in the console, email, SMS), quiet hours and the lowest priority worth an email or SMS. */
@Component({
  selector: 'app-notification-settings',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule, MatSlideToggleModule, MatSnackBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notification-settings.html',
  styleUrl: './settings.scss',
})
export class NotificationSettings {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  private readonly snack = inject(MatSnackBar);
  protected readonly auth = inject(AuthStore);

  protected readonly stored = httpResource<NotificationPreferences>(() => `${this.base}/notifications/preferences`, { parse: (v) => expectObject<NotificationPreferences>(v, 'channels', 'minPriority') });
  protected readonly form = inject(FormBuilder).nonNullable.group({
    inApp: [true],
    email: [true],
    sms: [false],
    quiet: [false],
    quietStart: ['21:00', Validators.pattern(HHMM)],
    quietEnd: ['08:00', Validators.pattern(HHMM)],
    quietZone: ['Asia/Kolkata'],
    minPriority: ['medium' as NotificationPreferences['minPriority']],
    emailAddress: ['', [Validators.email, Validators.maxLength(254)]],
    phone: ['', problemsValidator((v) => (e164Problem(v, SMS_PATTERN) ? ['must be a number with its country code, such as +919820012345'] : []))],
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  /** SMS needs a number to go to. */
  protected readonly smsWithoutPhone = computed(() => !!this.value().sms && !this.value().phone?.trim());
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly priorities = NOTIFICATION_PRIORITIES;
  protected readonly humanize = humanize;
  protected readonly errorText = (c: AbstractControl) => errorText(c.errors);

  constructor() {
    effect(() => {
      const p = this.stored.hasValue() ? this.stored.value() : null;
      const zone = this.auth.user()?.timeZone ?? 'Asia/Kolkata';
      if (p) untracked(() => this.form.reset(preferencesToForm(p, zone)));
    });
  }

  protected async save(): Promise<void> {
    this.formError.set(null);
    if (this.form.invalid || this.smsWithoutPhone()) {
      this.form.markAllAsTouched();
      this.formError.set(this.smsWithoutPhone() ? 'SMS needs a phone number.' : 'Some fields need attention.');
      return;
    }
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(this.http.put<NotificationPreferences>(`${this.base}/notifications/preferences`, formToPreferences(this.form.getRawValue())));
      this.stored.set(saved);
      this.snack.open('Notification preferences saved', undefined, { duration: 2500 });
    } catch (err) {
      const c = this.form.controls;
      this.formError.set(applyServerErrors({ ...c, email: c.emailAddress, phone: c.phone, quietHours: c.quietStart, channels: c.inApp }, err) ?? errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
