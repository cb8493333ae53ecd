import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar, MatSnackBarModule } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import type { User } from '../../core/api/api.types';
import { applyServerErrors } from '../../core/api/field-errors';
import { AuthStore } from '../../core/auth/auth.store';
import { errorText, notBlank } from '../../core/ui/form-errors';
import { humanize } from '../../core/ui/labels';
import { REFRESH_CHOICES, refreshLabel, type RefreshSeconds } from '../../core/ui/refresh-rate';
import { RefreshRateStore } from '../../core/ui/refresh-rate.store';
import { ThemeStore, type ThemeChoice } from '../../core/ui/theme.store';
import { ROLE_SUMMARIES, matchZones, zoneOffset } from './settings-view';

/** Every IANA zone this browser knows (the server checks the same names). */
const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Kolkata', 'UTC'];
const zoneValidator = (c: AbstractControl<string>) => (c.value && !ZONES.includes(c.value) ? { problems: ['choose a time zone from the list, such as Asia/Kolkata'] } : null);

/** Name and time zone (saved to the account), theme (this browser) and refresh rate (the account). */
@Component({
  selector: 'app-profile-settings',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, MatSnackBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile-settings.html',
  styleUrl: './settings.scss',
})
export class ProfileSettings {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  private readonly snack = inject(MatSnackBar);
  protected readonly auth = inject(AuthStore);
  protected readonly theme = inject(ThemeStore);
  protected readonly refresh = inject(RefreshRateStore);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    fullName: ['', [notBlank, Validators.maxLength(120)]],
    timeZone: ['', [notBlank, zoneValidator]],
  });
  private readonly zoneText = toSignal(this.form.controls.timeZone.valueChanges, { initialValue: '' });
  protected readonly zones = computed(() => matchZones(ZONES, ZONES.includes(this.zoneText()) ? '' : this.zoneText()));
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly refreshChoices = REFRESH_CHOICES;
  protected readonly refreshLabel = refreshLabel;
  protected readonly roleSummaries = ROLE_SUMMARIES;
  protected readonly humanize = humanize;
  protected readonly zoneOffset = zoneOffset;
  protected readonly errorText = (c: AbstractControl) => errorText(c.errors);

  constructor() {
    // The form follows the account until the person starts typing.
    effect(() => {
      const u = this.auth.user();
      if (u) untracked(() => !this.form.dirty && this.form.reset({ fullName: u.fullName, timeZone: u.timeZone }));
    });
  }

  protected async save(): Promise<void> {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { fullName, timeZone } = this.form.getRawValue();
    this.busy.set(true);
    try {
      const user = await firstValueFrom(this.http.patch<User>(`${this.base}/auth/me`, { fullName: fullName.trim(), timeZone }));
      this.form.markAsPristine();
      this.auth.updateUser(user);
      this.snack.open('Profile saved', undefined, { duration: 2500 });
    } catch (err) {
      this.formError.set(applyServerErrors(this.form.controls, err) ?? errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }

  protected setTheme(choice: ThemeChoice): void {
    this.theme.choice.set(choice);
  }

  protected async setRefresh(seconds: RefreshSeconds): Promise<void> {
    try {
      await this.refresh.set(seconds);
      this.snack.open(`Pages refresh: ${refreshLabel(seconds).toLowerCase()}`, undefined, { duration: 2500 });
    } catch (err) {
      this.snack.open(errorMessage(err), 'Dismiss', { duration: 6000 });
    }
  }
}
