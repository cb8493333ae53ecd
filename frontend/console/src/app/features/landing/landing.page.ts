import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { ThemeStore } from '../../core/ui/theme.store';
import { activeTurn, clock, isPhone, parseSampleCalls, type SampleCall } from './landing-view';

const phoneValidator = (c: AbstractControl<string>): ValidationErrors | null => (!c.value || isPhone(c.value) ? null : { phone: true });

const FEATURES = [
  { icon: 'schedule', title: 'Calls within legal hours', text: "Every lead is dialled in its own time zone, only in the hours the law and your campaign allow, with paced lines and retries." },
  { icon: 'fact_check', title: 'Qualification from transcripts', text: 'Budget, timeline, location and intent are read from each conversation, scored, and explained factor by factor.' },
  { icon: 'support_agent', title: 'Human hand-off', text: 'When a lead asks for a person or a question needs one, your team is told at once, with the transcript and the context.' },
  { icon: 'monitor_heart', title: 'A live console', text: 'Calls, qualified leads and notifications appear as they happen; dashboards, insights and reports without reloading.' },
];

/** Before login: what Soraaya does, sample calls to listen to, a demo request and the way in. */
@Component({
  selector: 'app-landing-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './landing.page.html',
  styleUrl: './landing.page.scss',
})
export default class LandingPage {
  protected readonly theme = inject(ThemeStore);
  protected readonly features = FEATURES;
  protected readonly clock = clock;

  protected readonly samples = httpResource<SampleCall[]>(() => 'samples/sample-calls.json', { parse: parseSampleCalls });
  protected readonly calls = computed(() => (this.samples.hasValue() ? this.samples.value() : []));
  /** Which call is playing and where, to mark the turn being spoken. */
  protected readonly playing = signal<string | null>(null);
  private readonly times = signal<Record<string, number>>({});
  protected activeTurn(call: SampleCall): number {
    return activeTurn(call.turns, this.times()[call.id] ?? -1);
  }

  protected readonly demo = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    company: ['', [Validators.required, Validators.maxLength(160)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    phone: ['', [Validators.required, phoneValidator]],
  });
  protected readonly sent = signal<string | null>(null);

  protected toggle(audio: HTMLAudioElement): void {
    if (audio.paused) void audio.play();
    else audio.pause();
  }

  protected onTime(id: string, audio: HTMLAudioElement): void {
    this.times.update((t) => ({ ...t, [id]: audio.currentTime }));
  }

  protected onPlay(id: string, audio: HTMLAudioElement): void {
    // One call at a time.
    for (const other of Array.from(document.querySelectorAll<HTMLAudioElement>('audio.sample-audio'))) if (other !== audio) other.pause();
    this.playing.set(id);
  }

  protected onPause(id: string): void {
    if (this.playing() === id) this.playing.set(null);
  }

  protected seek(audio: HTMLAudioElement, at: number): void {
    audio.currentTime = at;
    void audio.play();
  }

  /** No endpoint takes demo requests yet: nothing leaves the browser; the thank-you says who will hear from us. */
  protected submit(): void {
    if (this.demo.invalid) {
      this.demo.markAllAsTouched();
      const first = document.querySelector<HTMLElement>('form.demo-form .ng-invalid[formControlName]');
      first?.focus();
      return;
    }
    this.sent.set(this.demo.getRawValue().name.trim());
    this.demo.reset();
  }
}
