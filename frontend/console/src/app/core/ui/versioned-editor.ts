import { inject, signal, type WritableSignal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { errorMessage } from '../api/api-error';
import { applyServerErrors, isVersionConflict } from '../api/field-errors';
import { changedFields } from './form-values';
import { confirmAction } from './confirm-dialog';

/** What a versioned editor edits: the campaign service's personas and properties. */
export interface VersionedItem {
  id: string;
  name: string;
  version: number;
}

export interface VersionedApi<T, W> {
  get(id: string): Promise<T>;
  create(body: W): Promise<T>;
  /** Refused with 409 when someone saved a newer version first. */
  update(id: string, version: number, changes: Partial<W>): Promise<T>;
  remove(id: string): Promise<void>;
}

type Control = { errors: Record<string, unknown> | null; setErrors(e: Record<string, unknown> | null): void; markAsTouched(): void };
interface EditorForm {
  dirty: boolean;
  invalid: boolean;
  markAsPristine(): void;
  markAllAsTouched(): void;
}

/**
 * A list page's editor for one item the URL names (`new` for a new one): opens
 * it once the list has it (or asks for it alone), asks before dropping
 * unsaved changes, saves only what changed with the version it started from,
 * and when someone else saved first shows their version and says so. The
 * server's per-field refusals land on the fields. Pages extend it.
 */
export abstract class VersionedEditor<T extends VersionedItem, W extends object> {
  protected readonly snack = inject(MatSnackBar);
  protected readonly dialog = inject(MatDialog);

  /** The stored item the form started from (null: a new one). */
  protected readonly editing = signal<T | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** The URL's id the form was last filled for: a list reload leaves the form alone. */
  private loadedFor: string | null = null;
  /** Send every field on update, not just the changed ones (see PersonasPage for why). */
  protected readonly wholeUpdates: boolean = false;

  /** "persona", "property": in the sentences the person reads. */
  protected abstract readonly noun: string;
  protected abstract readonly api: VersionedApi<T, W>;
  protected abstract readonly openId: WritableSignal<string | null>;
  protected abstract readonly form: EditorForm;
  protected abstract reloadList(): void;
  /** Fills the form from a stored item, or empties it for a new one. */
  protected abstract fill(item: T | null): void;
  /** The body from the form; null when it cannot be built (a field says why). */
  protected abstract body(): W | null;
  /** A stored item as the body the form would send for it unchanged. */
  protected abstract bodyOf(item: T): W;
  /** The server's field names → the form's controls, for its per-field refusals. */
  protected abstract serverFields(): Record<string, Control>;
  protected abstract readonly deleteWarning: string;

  /** Call from an effect with the URL's id, the list's item of that id if any, and whether the list has loaded. */
  protected follow(id: string | null, known: T | undefined, listReady: boolean): void {
    if (id === this.loadedFor || (id !== null && id !== 'new' && !known && !listReady)) return;
    this.notice.set(null);
    if (id === null || id === 'new') return this.load(null, id);
    if (known) return this.load(known, id);
    // Not in the (filtered) list: asked for alone; gone, the editor closes.
    this.loadedFor = id;
    this.api.get(id).then(
      (item) => this.openId() === id && this.load(item, id),
      () => this.openId() === id && this.openId.set(null),
    );
  }

  protected async open(id: string | null): Promise<void> {
    if (id === this.openId()) return;
    if (this.form.dirty && !(await this.discardOk())) return;
    this.openId.set(id);
  }

  protected cancel(): Promise<void> {
    return this.open(null);
  }

  protected async save(): Promise<void> {
    this.formError.set(null);
    const body = this.form.invalid ? null : this.body();
    if (!body) {
      this.form.markAllAsTouched();
      this.formError.set('Some fields need attention.');
      return;
    }
    const before = this.editing();
    this.busy.set(true);
    try {
      let saved: T;
      if (before) {
        const changes = changedFields(this.bodyOf(before), body);
        if (!Object.keys(changes).length) {
          this.form.markAsPristine();
          return;
        }
        saved = await this.api.update(before.id, before.version, this.wholeUpdates ? body : changes);
      } else {
        saved = await this.api.create(body);
      }
      this.snack.open(`${saved.name} saved`, undefined, { duration: 2500 });
      this.reloadList();
      this.load(saved, saved.id);
      this.openId.set(saved.id);
    } catch (err) {
      await this.saveFailed(err, before);
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(): Promise<void> {
    const item = this.editing();
    if (!item) return;
    const ok = await confirmAction(this.dialog, { title: `Delete ${item.name}?`, message: this.deleteWarning, confirmLabel: `Delete ${this.noun}`, destructive: true });
    if (ok === null) return;
    this.busy.set(true);
    try {
      await this.api.remove(item.id);
      this.snack.open(`${item.name} deleted`, undefined, { duration: 2500 });
      this.form.markAsPristine();
      this.openId.set(null);
      this.reloadList();
    } catch (err) {
      this.snack.open(errorMessage(err), 'Dismiss', { duration: 8000 });
    } finally {
      this.busy.set(false);
    }
  }

  private async saveFailed(err: unknown, before: T | null): Promise<void> {
    if (before && isVersionConflict(err)) {
      // Someone saved first: their version is shown; what was typed here is gone, and the person is told so.
      const fresh = await this.api.get(before.id).catch(() => null);
      this.reloadList();
      if (fresh) this.load(fresh, fresh.id);
      this.notice.set(`Someone else changed ${before.name} while you were editing. It now shows their version; make your changes again.`);
      return;
    }
    this.formError.set(applyServerErrors(this.serverFields(), err) ?? errorMessage(err));
  }

  private load(item: T | null, openId: string | null): void {
    this.loadedFor = openId;
    this.editing.set(item);
    this.fill(item);
    this.formError.set(null);
  }

  private async discardOk(): Promise<boolean> {
    return (await confirmAction(this.dialog, { title: 'Discard your changes?', message: `The ${this.noun} you are editing has changes that are not saved.`, confirmLabel: 'Discard' })) !== null;
  }
}
