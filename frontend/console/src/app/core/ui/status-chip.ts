import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Tone } from './labels';

/** A small tonal label: status, priority. Text carries the meaning; colour only supports it. */
@Component({
  selector: 'app-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [class]="toneClass()">{{ label() }}</span>`,
  styles: `
    .chip {
      display: inline-flex;
      align-items: center;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      line-height: 20px;
    }
  `,
})
export class StatusChip {
  readonly label = input.required<string>();
  readonly tone = input<Tone>('neutral');
  protected readonly toneClass = computed(() => `chip tone-${this.tone()}`);
}
