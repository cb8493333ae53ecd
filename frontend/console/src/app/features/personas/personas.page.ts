import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, untracked, viewChild, type ElementRef } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatChipsModule, type MatChipInputEvent } from '@angular/material/chips';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBarModule } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router } from '@angular/router';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import { expectObject } from '../../core/api/api.types';
import { PermissionsStore } from '../../core/auth/permissions.store';
import { CampaignNamesStore } from '../../core/data/campaign-names.store';
import { errorText, notBlank, problemsValidator } from '../../core/ui/form-errors';
import { addChip } from '../../core/ui/form-values';
import { StatusChip } from '../../core/ui/status-chip';
import { urlParams } from '../../core/ui/url-state';
import { VersionedEditor } from '../../core/ui/versioned-editor';
import {
  ACCENT_LABELS,
  EMPTY_PERSONA,
  LIMITS,
  PERSONA_ACCENTS,
  PERSONA_REGIONS,
  PERSONA_STYLES,
  PROVIDER_LABELS,
  REGION_PATTERN,
  SCRIPT_VARIABLES,
  STYLE_LABELS,
  VARIABLE_HINTS,
  VOICE_PROVIDERS,
  campaignsUsing,
  filterPersonas,
  formToWritable,
  insertVariable,
  normalizeRegion,
  personaToForm,
  regionLabel,
  templateProblems,
  type Persona,
  type PersonaForm,
  type PersonaShow,
  type PersonaWritable,
} from './personas-view';
import { PersonasService } from './personas.service';

type TemplateField = 'firstMessage' | 'scriptTemplate';
type ChipField = 'personalityTraits' | 'escalationTriggers';
const SHOWS: PersonaShow[] = ['active', 'inactive', 'all'];

const regionValidator = (c: AbstractControl<string>) => (c.value.trim() && !REGION_PATTERN.test(normalizeRegion(c.value)) ? { problems: ['use letters, spaces and hyphens, such as Mumbai'] } : null);

/** Agent personas: who calls, in which voice, saying what. A list and an editor; versioned saves. */
@Component({
  selector: 'app-personas-page',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatChipsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatSnackBarModule,
    MatTableModule,
    MatTooltipModule,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './personas.page.html',
  styleUrl: './personas.page.scss',
})
export default class PersonasPage extends VersionedEditor<Persona, PersonaWritable> {
  private readonly base = inject(API_BASE_URL);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly api = inject(PersonasService);
  protected readonly noun = 'persona';
  /**
   * The gateway checks a persona update with `personaWritableSchema.partial()`, and zod 4 fills a
   * missing field's default even inside partial(): traits and escalation triggers left out would
   * come back empty, accent and style reset. So the whole persona goes, under its version.
   */
  protected override readonly wholeUpdates = true;
  protected readonly deleteWarning = 'The persona is removed for good. Campaigns that used it in the past keep their figures.';
  private readonly permissions = inject(PermissionsStore);
  private readonly campaigns = inject(CampaignNamesStore);

  /** URL: which personas are listed, and the one open in the editor ("new" for a new one). */
  readonly show = input<string>();
  readonly persona = input<string>();
  protected readonly showFilter = linkedSignal<PersonaShow>(() => (SHOWS.includes(this.show() as PersonaShow) ? (this.show() as PersonaShow) : 'all'));
  protected readonly openId = linkedSignal(() => this.persona() ?? null);

  protected readonly list = httpResource<{ items: Persona[] }>(() => `${this.base}/agent-personas`, { parse: (v) => expectObject<{ items: Persona[] }>(v, 'items') });
  private readonly items = computed(() => (this.list.hasValue() ? this.list.value().items : []));
  protected readonly rows = computed(() => filterPersonas(this.items(), this.showFilter()));
  protected readonly counts = computed(() => ({ active: this.items().filter((p) => p.active).length, inactive: this.items().filter((p) => !p.active).length }));
  protected readonly usedBy = computed(() => (this.editing() ? campaignsUsing(this.editing()!.id, this.campaigns.list()) : []));
  protected readonly canWrite = computed(() => this.permissions.can('campaigns:write'));
  protected readonly error = computed(() => (this.list.error() ? errorMessage(this.list.error()) : null));

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [notBlank, Validators.maxLength(LIMITS.name)]],
    region: ['', [notBlank, regionValidator]],
    accent: [EMPTY_PERSONA.accent],
    communicationStyle: [EMPTY_PERSONA.communicationStyle],
    voiceProvider: [EMPTY_PERSONA.voiceProvider],
    voiceId: ['', [notBlank, Validators.maxLength(LIMITS.voiceId)]],
    personalityTraits: [[] as string[]],
    marketKnowledge: ['', Validators.maxLength(LIMITS.marketKnowledge)],
    firstMessage: ['', [notBlank, Validators.maxLength(LIMITS.firstMessage), problemsValidator(templateProblems)]],
    scriptTemplate: ['', [notBlank, Validators.maxLength(LIMITS.scriptTemplate), problemsValidator(templateProblems)]],
    escalationTriggers: [[] as string[]],
    active: [true],
  });
  protected readonly chipErrors = signal<Partial<Record<ChipField, string>>>({});
  /** Where a variable chip inserts: the template field last focused. */
  protected readonly target = signal<TemplateField>('firstMessage');
  private readonly firstMessageEl = viewChild<ElementRef<HTMLTextAreaElement>>('firstMessageEl');
  private readonly scriptTemplateEl = viewChild<ElementRef<HTMLTextAreaElement>>('scriptTemplateEl');

  /** Beside the editor the list narrows to who and whether active. */
  protected readonly columns = computed(() => (this.openId() === null ? ['name', 'accent', 'style', 'voice', 'state'] : ['name', 'state']));
  protected readonly regions = PERSONA_REGIONS;
  protected readonly accents = PERSONA_ACCENTS;
  protected readonly styles = PERSONA_STYLES;
  protected readonly providers = VOICE_PROVIDERS;
  protected readonly variables = SCRIPT_VARIABLES;
  protected readonly accentLabels = ACCENT_LABELS;
  protected readonly styleLabels = STYLE_LABELS;
  protected readonly providerLabels = PROVIDER_LABELS;
  protected readonly variableHints = VARIABLE_HINTS;
  protected readonly limits = LIMITS;
  protected readonly regionLabel = regionLabel;
  protected readonly token = (v: string) => `{{${v}}}`;
  protected readonly accentOf = (p: Persona) => ACCENT_LABELS[p.accent];
  protected readonly styleOf = (p: Persona) => STYLE_LABELS[p.communicationStyle];
  protected readonly errorText = (name: keyof PersonaForm) => errorText(this.form.controls[name].errors);

  constructor() {
    super();
    effect(() => {
      const params = urlParams({ show: this.showFilter() === 'all' ? null : this.showFilter(), persona: this.openId() });
      untracked(() => this.router.navigate([], { relativeTo: this.route, replaceUrl: true, queryParams: params }));
    });
    // Open what the URL names once the list has it; a list reload leaves the form alone.
    effect(() => {
      const id = this.openId();
      const known = this.items().find((p) => p.id === id);
      const ready = this.list.hasValue();
      untracked(() => this.follow(id, known, ready));
    });
    effect(() => {
      if (this.canWrite()) this.form.enable({ emitEvent: false });
      else this.form.disable({ emitEvent: false });
    });
  }

  protected insert(variable: string): void {
    const field = this.target();
    const control = this.form.controls[field];
    const el = (field === 'firstMessage' ? this.firstMessageEl() : this.scriptTemplateEl())?.nativeElement;
    const { text, caret } = insertVariable(control.value, el?.selectionStart ?? null, el?.selectionEnd ?? null, variable);
    control.setValue(text);
    control.markAsDirty();
    if (el) {
      el.focus();
      // After Angular has written the new value into the textarea.
      queueMicrotask(() => el.setSelectionRange(caret, caret));
    }
  }

  protected addChip(field: ChipField, event: MatChipInputEvent): void {
    const control = this.form.controls[field];
    const limits = field === 'personalityTraits' ? { max: LIMITS.trait, count: LIMITS.traits } : { min: LIMITS.triggerMin, max: LIMITS.trigger, count: LIMITS.triggers };
    const { list, error } = addChip(control.value, event.value, limits);
    this.chipErrors.update((e) => ({ ...e, [field]: error ?? undefined }));
    if (error) return;
    if (list.length !== control.value.length) {
      control.setValue(list);
      control.markAsDirty();
    }
    event.chipInput.clear();
  }

  protected removeChip(field: ChipField, value: string): void {
    const control = this.form.controls[field];
    control.setValue(control.value.filter((v) => v !== value));
    control.markAsDirty();
  }

  protected reloadList(): void {
    this.list.reload();
  }

  protected fill(p: Persona | null): void {
    this.form.reset(p ? personaToForm(p) : EMPTY_PERSONA);
    this.chipErrors.set({});
  }

  protected body(): PersonaWritable {
    return formToWritable(this.form.getRawValue());
  }

  protected bodyOf(p: Persona): PersonaWritable {
    return formToWritable(personaToForm(p));
  }

  protected serverFields() {
    return this.form.controls;
  }
}
