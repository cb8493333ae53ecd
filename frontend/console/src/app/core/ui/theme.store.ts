import { Injectable, effect, signal } from '@angular/core';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'soraaya.theme';

/** Light, dark, or whatever the system says; the M3 theme follows `color-scheme` (styles.scss). */
@Injectable({ providedIn: 'root' })
export class ThemeStore {
  readonly choice = signal<ThemeChoice>((localStorage.getItem(KEY) as ThemeChoice | null) ?? 'system');

  constructor() {
    effect(() => {
      const c = this.choice();
      document.documentElement.style.colorScheme = c === 'system' ? 'light dark' : c;
      localStorage.setItem(KEY, c);
    });
  }

  toggle(): void {
    const dark = this.choice() === 'dark' || (this.choice() === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
    this.choice.set(dark ? 'light' : 'dark');
  }
}
