import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef, type MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';

export interface ConfirmOptions {
  title: string;
  message: string;
  /** The button that goes ahead: "Stop all calling", "Delete persona". */
  confirmLabel: string;
  /** Ask for an optional note (a reason), returned on confirm. */
  note?: { label: string; minLength?: number; maxLength?: number };
  destructive?: boolean;
}

/** Confirmed: the note typed, or '' without one. Null: cancelled. */
export type ConfirmResult = string | null;

/** "Are you sure?" before what cannot be taken back. Focus starts on Cancel; Escape cancels. */
@Component({
  selector: 'app-confirm-dialog',
  imports: [FormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
      @if (data.note; as n) {
        <mat-form-field appearance="outline" class="note">
          <mat-label>{{ n.label }}</mat-label>
          <input matInput name="note" [ngModel]="note()" (ngModelChange)="note.set($event)" [attr.maxlength]="n.maxLength ?? 500" />
          @if (tooShort()) {
            <mat-hint>At least {{ n.minLength }} characters, or leave it empty</mat-hint>
          }
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="null" cdkFocusInitial>Cancel</button>
      <button mat-flat-button type="button" [class.destructive]="data.destructive" [disabled]="tooShort()" (click)="confirm()">{{ data.confirmLabel }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .note {
      width: 100%;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmOptions>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ConfirmDialog, ConfirmResult>>(MatDialogRef);
  protected readonly note = signal('');

  protected tooShort(): boolean {
    const n = this.note().trim().length;
    return n > 0 && n < (this.data.note?.minLength ?? 0);
  }

  protected confirm(): void {
    this.ref.close(this.note().trim());
  }
}

/** Opens the dialog and resolves with the answer. */
export function confirmAction(dialog: MatDialog, options: ConfirmOptions): Promise<ConfirmResult> {
  const ref = dialog.open<ConfirmDialog, ConfirmOptions, ConfirmResult>(ConfirmDialog, { data: options, width: '440px', maxWidth: '92vw' });
  return firstValueFrom(ref.afterClosed()).then((r) => r ?? null);
}
