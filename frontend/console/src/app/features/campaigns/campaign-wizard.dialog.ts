import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatStepperModule, type MatStepper } from '@angular/material/stepper';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import { isVersionConflict } from '../../core/api/field-errors';
import { humanize } from '../../core/ui/labels';
import { priceHint } from '../properties/properties-view';
import {
  CAMPAIGN_TYPES,
  EMPTY_WIZARD,
  FINANCING_STATUSES,
  MAX_PERSONAS,
  PRIORITIES,
  PURCHASE_TIMELINES,
  STEPS,
  WEEKDAYS,
  campaignToForm,
  formToWritable,
  issuesByStep,
  moveItem,
  reviewSentences,
  stepProblems,
  weightShares,
  type CampaignShape,
  type RetryDelays,
  type Step,
  type WizardForm,
} from './campaign-wizard-view';

interface Named {
  id: string;
  name: string;
}
interface EditTarget extends CampaignShape {
  id: string;
  version: number;
}
export interface WizardData {
  campaign?: EditTarget;
}

const PROPERTY_TYPE_OPTIONS = [
  'apartment',
  'villa',
  'penthouse',
  'commercial',
  'plot',
  'townhouse',
  'other',
] as const;

/** The campaign creation (and draft/paused edit) wizard: six steps, then assign leads and start. */
@Component({
  selector: 'app-campaign-wizard',
  imports: [
    MatDialogModule,
    MatStepperModule,
    MatButtonModule,
    MatIconModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './campaign-wizard.dialog.html',
  styleUrl: './campaign-wizard.dialog.scss',
})
export class CampaignWizardDialog {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  private readonly ref = inject(MatDialogRef<CampaignWizardDialog, boolean>);
  private readonly data = inject<WizardData>(MAT_DIALOG_DATA, { optional: true }) ?? {};

  protected readonly editing = signal<EditTarget | null>(this.data.campaign ?? null);
  protected readonly form = signal<WizardForm>(
    this.data.campaign ? campaignToForm(this.data.campaign) : { ...EMPTY_WIZARD },
  );
  protected readonly server = signal<Partial<Record<Step, Record<string, string>>>>({});
  protected readonly banner = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly created = signal<{ id: string; name: string } | null>(null);
  protected readonly afterMessage = signal<string | null>(null);
  protected readonly leadIdsText = signal('');
  protected readonly filterNoCampaign = signal(true);
  protected readonly filterPriorities = signal<string[]>([]);
  protected readonly filterSearch = signal('');
  protected readonly touched = signal<Set<Step>>(new Set());

  protected readonly allProperties = signal<Named[]>([]);
  protected readonly allPersonas = signal<Named[]>([]);

  protected readonly steps = STEPS;
  protected readonly types = CAMPAIGN_TYPES;
  protected readonly priorities = PRIORITIES;
  protected readonly timelines = PURCHASE_TIMELINES;
  protected readonly financing = FINANCING_STATUSES;
  protected readonly propertyTypes = PROPERTY_TYPE_OPTIONS;
  protected readonly weekdays = WEEKDAYS;
  protected readonly maxPersonas = MAX_PERSONAS;
  protected readonly retryKeys: (keyof RetryDelays)[] = [
    'noAnswer',
    'busy',
    'voicemail',
    'failure',
  ];
  protected readonly retryLabels: Record<keyof RetryDelays, string> = {
    noAnswer: 'No answer',
    busy: 'Busy',
    voicemail: 'Voicemail',
    failure: 'Failed call',
  };
  protected readonly humanize = humanize;
  protected readonly priceHint = priceHint;

  protected readonly problems = computed(
    () =>
      Object.fromEntries(
        STEPS.map((s) => [s, { ...stepProblems(s, this.form()), ...(this.server()[s] ?? {}) }]),
      ) as Record<Step, Record<string, string>>,
  );
  protected readonly shares = computed(() => weightShares(this.form().personas));
  protected readonly review = computed(() =>
    reviewSentences(this.form(), {
      property: (id) => this.nameOf(this.allProperties(), id),
      persona: (id) => this.nameOf(this.allPersonas(), id),
    }),
  );
  protected readonly reviewGroups = computed(() => {
    const r = this.review();
    return [
      { title: 'Basics', lines: r.basics },
      { title: 'Who qualifies', lines: r.criteria },
      { title: 'Properties', lines: r.properties },
      { title: 'Personas', lines: r.personas },
      { title: 'Calling window and pacing', lines: r.pacing },
    ];
  });

  constructor() {
    void this.loadChoices();
  }

  private async loadChoices(): Promise<void> {
    try {
      const [props, personas] = await Promise.all([
        firstValueFrom(
          this.http.get<{ items: Named[] }>(`${this.base}/properties`),
        ),
        firstValueFrom(
          this.http.get<{ items: Named[] }>(`${this.base}/agent-personas`, {
            params: { active: 'true' },
          }),
        ),
      ]);
      this.allProperties.set(props.items ?? []);
      this.allPersonas.set(personas.items ?? []);
    } catch (err) {
      this.banner.set(`Could not load properties and personas: ${errorMessage(err)}`);
    }
  }

  private nameOf(list: Named[], id: string): string {
    return list.find((x) => x.id === id)?.name ?? 'an unknown item';
  }

  protected set<K extends keyof WizardForm>(key: K, value: WizardForm[K]): void {
    this.form.update((f) => ({ ...f, [key]: value }));
    const step = (Object.keys(this.server()) as Step[]).find(
      (s) => this.server()[s]?.[key as string],
    );
    if (step)
      this.server.update((s) => ({
        ...s,
        [step]: Object.fromEntries(Object.entries(s[step] ?? {}).filter(([k]) => k !== key)),
      }));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected num(event: Event): number {
    const v = (event.target as HTMLInputElement).value;
    return v === '' ? NaN : Number(v);
  }

  protected setRetry(key: keyof RetryDelays, value: number): void {
    this.set('retryDelayMinutes', { ...this.form().retryDelayMinutes, [key]: value });
  }

  protected toggle(
    key: 'days' | 'purchaseTimelines' | 'financingStatuses' | 'propertyTypes',
    value: string,
    on: boolean,
  ): void {
    const list = this.form()[key];
    this.set(
      key,
      on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value),
    );
  }

  protected lines(text: string): string[] {
    return text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  }

  protected error(step: Step, field: string): string | null {
    return this.touched().has(step) ? (this.problems()[step][field] ?? null) : null;
  }

  protected valid(step: Step): boolean {
    return Object.keys(this.problems()[step]).length === 0;
  }

  protected next(step: Step, stepper: MatStepper): void {
    this.touched.update((t) => new Set([...t, step]));
    if (!this.valid(step)) return;
    // The [completed] binding catches up at the next change detection; the linear stepper checks it now.
    if (stepper.selected) stepper.selected.completed = true;
    stepper.next();
  }

  protected addProperty(id: string): void {
    if (id && !this.form().propertyIds.includes(id))
      this.set('propertyIds', [...this.form().propertyIds, id]);
  }

  protected moveProperty(index: number, by: -1 | 1): void {
    this.set('propertyIds', moveItem(this.form().propertyIds, index, by));
  }

  protected removeProperty(id: string): void {
    this.set(
      'propertyIds',
      this.form().propertyIds.filter((x) => x !== id),
    );
  }

  protected addPersona(id: string): void {
    if (
      id &&
      this.form().personas.length < MAX_PERSONAS &&
      !this.form().personas.some((p) => p.personaId === id)
    )
      this.set('personas', [...this.form().personas, { personaId: id, weight: 50 }]);
  }

  protected setWeight(index: number, weight: number): void {
    this.set(
      'personas',
      this.form().personas.map((p, i) => (i === index ? { ...p, weight } : p)),
    );
  }

  protected removePersona(id: string): void {
    this.set(
      'personas',
      this.form().personas.filter((p) => p.personaId !== id),
    );
  }

  protected propertyName(id: string): string {
    return this.nameOf(this.allProperties(), id);
  }

  protected personaName(id: string): string {
    return this.nameOf(this.allPersonas(), id);
  }

  protected async save(stepper: MatStepper): Promise<void> {
    const body = formToWritable(this.form());
    if (!body) return;
    this.busy.set(true);
    this.banner.set(null);
    try {
      const target = this.editing();
      const saved = target
        ? await firstValueFrom(
            this.http.put<EditTarget>(`${this.base}/campaigns/${target.id}`, {
              version: target.version,
              changes: body,
            }),
          )
        : await firstValueFrom(this.http.post<EditTarget>(`${this.base}/campaigns`, body));
      this.created.set({ id: saved.id, name: saved.name });
      if (target) this.ref.close(true);
    } catch (err) {
      if (isVersionConflict(err)) {
        this.banner.set(
          'Someone else changed this campaign while you edited it. Reloaded their version: check it and save again.',
        );
        await this.reload();
        return;
      }
      const found = issuesByStep(err);
      if (found) {
        this.server.set(found.fields);
        this.touched.set(new Set(STEPS));
        this.banner.set(
          found.other.length
            ? found.other.join('; ')
            : 'The server refused some fields: they are marked on their steps.',
        );
        if (found.firstStep) stepper.selectedIndex = STEPS.indexOf(found.firstStep);
      } else this.banner.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }

  private async reload(): Promise<void> {
    const target = this.editing();
    if (!target) return;
    const fresh = await firstValueFrom(
      this.http.get<EditTarget>(`${this.base}/campaigns/${target.id}`),
    );
    this.editing.set(fresh);
    this.form.set(campaignToForm(fresh));
  }

  protected async assign(how: 'filter' | 'ids'): Promise<void> {
    const c = this.created();
    if (!c) return;
    const ids = this.leadIdsText()
      .split(/[\s,;]+/)
      .filter(Boolean);
    const body = how === 'ids' ? { leadIds: ids } : { filters: this.currentLeadFilter() };
    this.busy.set(true);
    try {
      const r = await firstValueFrom(
        this.http.post<{ assigned?: number }>(`${this.base}/campaigns/${c.id}/assign-leads`, body),
      );
      this.afterMessage.set(
        `Leads assigned${typeof r?.assigned === 'number' ? `: ${r.assigned}` : ''}.`,
      );
    } catch (err) {
      this.afterMessage.set(`Could not assign leads: ${errorMessage(err)}`);
    } finally {
      this.busy.set(false);
    }
  }

  /** The lead filter of the assign panel, as leadFiltersSchema takes it. */
  private currentLeadFilter(): Record<string, unknown> {
    const f: Record<string, unknown> = {};
    if (this.filterNoCampaign()) f['campaignId'] = 'none';
    if (this.filterPriorities().length) f['priorities'] = this.filterPriorities();
    if (this.filterSearch().trim().length >= 3) f['search'] = this.filterSearch().trim();
    return f;
  }

  protected async start(): Promise<void> {
    const c = this.created();
    if (!c) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.http.post(`${this.base}/campaigns/${c.id}/start`, {}));
      this.afterMessage.set(`${c.name} started.`);
      this.ref.close(true);
    } catch (err) {
      this.afterMessage.set(`It cannot start yet: ${errorMessage(err)}`);
    } finally {
      this.busy.set(false);
    }
  }

  protected close(): void {
    this.ref.close(this.created() !== null);
  }
}
