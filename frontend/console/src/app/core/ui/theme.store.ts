import { Injectable, computed, effect, signal } from '@angular/core';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'soraaya.theme';

/** Light, dark, or whatever the system says; the M3 theme follows `color-scheme` (styles.scss). */
@Injectable({ providedIn: 'root' })
export class ThemeStore {
  readonly choice = signal<ThemeChoice>((localStorage.getItem(KEY) as ThemeChoice | null) ?? 'system');
  private readonly media = matchMedia('(prefers-color-scheme: dark)');
  private readonly systemDark = signal(this.media.matches);
  /** For what CSS cannot theme (chart colours). */
  readonly isDark = computed(() => this.choice() === 'dark' || (this.choice() === 'system' && this.systemDark()));

  constructor() {
    this.media.addEventListener('change', (e) => this.systemDark.set(e.matches));
    effect(() => {
      const c = this.choice();
      document.documentElement.style.colorScheme = c === 'system' ? 'light dark' : c;
      localStorage.setItem(KEY, c);
    });
  }

  toggle(): void {
    this.choice.set(this.isDark() ? 'light' : 'dark');
  }
}
