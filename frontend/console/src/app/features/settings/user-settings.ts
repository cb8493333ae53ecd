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
import type { User } from '../../core/api/api.types';
import { applyServerErrors } from '../../core/api/field-errors';
import { AuthStore } from '../../core/auth/auth.store';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { errorText, notBlank } from '../../core/ui/form-errors';
import { humanize } from '../../core/ui/labels';
import { StatusChip } from '../../core/ui/status-chip';
import { ROLES, ROLE_SUMMARIES, sortUsers, userActions, type Role } from './settings-view';

/** Admins: the organisation's users, their roles and access; new users with a first password. */
@Component({
  selector: 'app-user-settings',
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule, MatSnackBarModule, MatTableModule, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-settings.html',
  styleUrl: './settings.scss',
})
export class UserSettings {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  private readonly snack = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly auth = inject(AuthStore);

  protected readonly users = httpResource<User[]>(() => `${this.base}/users`, {
    parse: (v) => {
      if (!Array.isArray(v)) throw new Error('Unexpected response: not a list of users');
      return v as User[];
    },
  });
  protected readonly search = signal('');
  protected readonly rows = computed(() => sortUsers(this.users.hasValue() ? this.users.value() : [], this.search()));
  protected readonly columns = ['user', 'role', 'status', 'lastLogin', 'actions'];
  protected readonly roles = ROLES;
  protected readonly roleSummaries = ROLE_SUMMARIES;
  protected readonly humanize = humanize;
  protected readonly busy = signal(false);
  protected readonly adding = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly error = computed(() => (this.users.error() ? errorMessage(this.users.error()) : null));

  protected readonly form = inject(FormBuilder).nonNullable.group({
    fullName: ['', [notBlank, Validators.maxLength(120)]],
    email: ['', [notBlank, Validators.email, Validators.maxLength(254)]],
    role: ['agent' as Role],
    password: ['', [Validators.required, Validators.minLength(10), Validators.maxLength(200)]],
  });
  protected readonly errorText = (c: AbstractControl) => errorText(c.errors);

  protected actions(u: User) {
    return userActions(u, this.auth.user());
  }

  protected isMe(u: User): boolean {
    return u.id === this.auth.user()?.id;
  }

  protected async setRole(u: User, role: Role): Promise<void> {
    if (role === u.role) return;
    await this.patch(u, { role }, `${u.fullName} is now ${humanize(role).toLowerCase()}; their sessions were signed out`);
  }

  protected async setDisabled(u: User, disabled: boolean): Promise<void> {
    if (disabled) {
      const ok = await confirmAction(this.dialog, {
        title: `Disable ${u.fullName}?`,
        message: `${u.fullName} is signed out everywhere and cannot log in until enabled again. Their leads and notes stay.`,
        confirmLabel: 'Disable user',
        destructive: true,
      });
      if (ok === null) return;
    }
    await this.patch(u, { disabled }, `${u.fullName} ${disabled ? 'disabled' : 'enabled'}`);
  }

  protected async create(): Promise<void> {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    try {
      const user = await firstValueFrom(this.http.post<User>(`${this.base}/users`, { ...v, fullName: v.fullName.trim(), email: v.email.trim() }));
      this.snack.open(`${user.fullName} can now log in as ${user.email}`, undefined, { duration: 4000 });
      this.form.reset();
      this.adding.set(false);
      this.users.reload();
    } catch (err) {
      this.formError.set(applyServerErrors(this.form.controls, err) ?? errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }

  private async patch(u: User, body: Partial<Pick<User, 'role' | 'disabled'>>, done: string): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(this.http.patch<User>(`${this.base}/users/${u.id}`, body));
      this.snack.open(done, undefined, { duration: 3000 });
    } catch (err) {
      this.snack.open(errorMessage(err), 'Dismiss', { duration: 6000 });
    } finally {
      this.busy.set(false);
      // Also after a refusal: the select shows what the server has again.
      this.users.reload();
    }
  }
}
