import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type FormControl, type FormGroup } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule, type MatChipInputEvent } from '@angular/material/chips';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBarModule } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router } from '@angular/router';
import { API_BASE_URL } from '../../core/api/api-base-url.token';
import { errorMessage } from '../../core/api/api-error';
import { expectObject } from '../../core/api/api.types';
import { PermissionsStore } from '../../core/auth/permissions.store';
import { errorText, notBlank } from '../../core/ui/form-errors';
import { addChip } from '../../core/ui/form-values';
import { budget, humanize } from '../../core/ui/labels';
import { StatusChip } from '../../core/ui/status-chip';
import { listParam, urlParams } from '../../core/ui/url-state';
import { VersionedEditor } from '../../core/ui/versioned-editor';
import {
  AVAILABILITY,
  AVAILABILITY_TONES,
  EMPTY_PROPERTY,
  LIMITS,
  PROPERTY_TYPES,
  filterParams,
  formToWritable,
  parseInr,
  priceHint,
  priceRangeProblem,
  priceText,
  propertyToForm,
  rowsToSpecs,
  type Property,
  type PropertyWritable,
  type SpecRow,
} from './properties-view';
import { PropertiesService } from './properties.service';

type SpecValue = SpecRow['original'];
type SpecGroup = FormGroup<{ key: FormControl<string>; value: FormControl<string>; original: FormControl<SpecValue> }>;
const priceValidator = (c: AbstractControl<string>) => (c.value.trim() && !priceHint(c.value).ok ? { problems: [priceHint(c.value).text] } : null);
const LOCATION_DEBOUNCE_MS = 350;

/** The property inventory campaigns present: filters in the URL, a list and an editor; versioned saves. */
@Component({
  selector: 'app-properties-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatChipsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSnackBarModule,
    MatTableModule,
    MatTooltipModule,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './properties.page.html',
  styleUrl: './properties.page.scss',
})
export default class PropertiesPage extends VersionedEditor<Property, PropertyWritable> {
  private readonly base = inject(API_BASE_URL);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly api = inject(PropertiesService);
  protected readonly noun = 'property';
  protected readonly deleteWarning = 'It is removed from the inventory and from the campaigns that list it. A running campaign keeps it: mark it sold or reserved instead.';
  private readonly permissions = inject(PermissionsStore);
  private readonly fb = inject(FormBuilder).nonNullable;

  /** URL: the filters, and the property open in the editor ("new" for a new one). */
  readonly type = input<string>();
  readonly availability = input<string>();
  readonly location = input<string>();
  readonly min = input<string>();
  readonly max = input<string>();
  readonly property = input<string>();
  protected readonly typeFilter = linkedSignal(() => listParam(this.type(), PROPERTY_TYPES));
  protected readonly availabilityFilter = linkedSignal(() => listParam(this.availability(), AVAILABILITY));
  protected readonly locationFilter = linkedSignal(() => this.location() ?? '');
  protected readonly minFilter = linkedSignal(() => wholeRupees(this.min()));
  protected readonly maxFilter = linkedSignal(() => wholeRupees(this.max()));
  protected readonly openId = linkedSignal(() => this.property() ?? null);

  protected readonly list = httpResource<{ items: Property[] }>(
    () => ({
      url: `${this.base}/properties`,
      params: filterParams({ types: this.typeFilter(), availability: this.availabilityFilter(), location: this.locationFilter(), priceMinInr: this.minFilter(), priceMaxInr: this.maxFilter() }),
    }),
    { parse: (v) => expectObject<{ items: Property[] }>(v, 'items') },
  );
  protected readonly rows = computed(() => (this.list.hasValue() ? this.list.value().items : []));
  protected readonly filtered = computed(() => this.typeFilter().length + this.availabilityFilter().length > 0 || !!this.locationFilter() || this.minFilter() !== null || this.maxFilter() !== null);
  protected readonly canWrite = computed(() => this.permissions.can('campaigns:write'));
  protected readonly error = computed(() => (this.list.error() ? errorMessage(this.list.error()) : null));
  protected readonly amenityError = signal<string | null>(null);

  protected readonly form = this.fb.group({
    name: ['', [notBlank, Validators.maxLength(LIMITS.name)]],
    type: [EMPTY_PROPERTY.type],
    location: ['', [notBlank, Validators.maxLength(LIMITS.location)]],
    priceMin: ['', [notBlank, priceValidator]],
    priceMax: ['', [priceValidator]],
    amenities: [[] as string[]],
    specifications: this.fb.array<SpecGroup>([]),
    availability: [EMPTY_PROPERTY.availability],
  });
  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly minHint = computed(() => priceHint(this.formValue().priceMin ?? ''));
  protected readonly maxHint = computed(() => (this.formValue().priceMax ? priceHint(this.formValue().priceMax ?? '') : { ok: true, text: 'Leave empty for one price' }));
  protected readonly rangeProblem = computed(() => priceRangeProblem(this.formValue().priceMin ?? '', this.formValue().priceMax ?? ''));
  protected readonly specProblems = computed(() => rowsToSpecs((this.formValue().specifications ?? []).map((r) => ({ key: r.key ?? '', value: r.value ?? '' }))).problems);

  /** Beside the editor the list narrows to name, price and availability. */
  protected readonly columns = computed(() => (this.openId() === null ? ['name', 'type', 'price', 'availability', 'amenities'] : ['name', 'price', 'availability']));
  protected readonly types = PROPERTY_TYPES;
  protected readonly availabilities = AVAILABILITY;
  protected readonly limits = LIMITS;
  protected readonly humanize = humanize;
  protected readonly priceOf = (p: Property) => budget(p.priceMinInr, p.priceMaxInr);
  protected readonly toneOf = (p: Property) => AVAILABILITY_TONES[p.availability];
  protected readonly errorText = (c: AbstractControl) => errorText(c.errors);

  private locationTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    super();
    effect(() => {
      const params = urlParams({
        type: this.typeFilter(),
        availability: this.availabilityFilter(),
        location: this.locationFilter(),
        min: this.minFilter(),
        max: this.maxFilter(),
        property: this.openId(),
      });
      untracked(() => this.router.navigate([], { relativeTo: this.route, replaceUrl: true, queryParams: params }));
    });
    // Open what the URL names once the list has it (or alone when filtered out); a list reload leaves the form alone.
    effect(() => {
      const id = this.openId();
      const known = this.rows().find((p) => p.id === id);
      const ready = this.list.hasValue() || !!this.list.error();
      untracked(() => this.follow(id, known, ready));
    });
    effect(() => {
      if (this.canWrite()) this.form.enable({ emitEvent: false });
      else this.form.disable({ emitEvent: false });
    });
    inject(DestroyRef).onDestroy(() => this.locationTimer && clearTimeout(this.locationTimer));
  }

  protected typeLocation(value: string): void {
    if (this.locationTimer) clearTimeout(this.locationTimer);
    this.locationTimer = setTimeout(() => this.locationFilter.set(value.trim()), LOCATION_DEBOUNCE_MS);
  }

  /** A price filter as typed ("5 Cr"): applied when it reads as an amount, cleared when emptied. */
  protected setPrice(which: 'min' | 'max', text: string): void {
    const value = text.trim() ? parseInr(text) : null;
    if (text.trim() && value === null) return;
    (which === 'min' ? this.minFilter : this.maxFilter).set(value);
  }

  protected priceFilterText(value: number | null): string {
    return value === null ? '' : priceText(value);
  }

  protected clearFilters(): void {
    this.typeFilter.set([]);
    this.availabilityFilter.set([]);
    this.locationFilter.set('');
    this.minFilter.set(null);
    this.maxFilter.set(null);
  }

  protected addAmenity(event: MatChipInputEvent): void {
    const control = this.form.controls.amenities;
    const { list, error } = addChip(control.value, event.value, { max: LIMITS.amenity, count: LIMITS.amenities });
    this.amenityError.set(error);
    if (error) return;
    if (list.length !== control.value.length) {
      control.setValue(list);
      control.markAsDirty();
    }
    event.chipInput.clear();
  }

  protected removeAmenity(value: string): void {
    this.form.controls.amenities.setValue(this.form.controls.amenities.value.filter((a) => a !== value));
    this.form.controls.amenities.markAsDirty();
  }

  protected addSpec(): void {
    this.form.controls.specifications.push(this.specGroup({ key: '', value: '' }));
    this.form.markAsDirty();
  }

  protected removeSpec(i: number): void {
    this.form.controls.specifications.removeAt(i);
    this.form.markAsDirty();
  }

  private specGroup(row: SpecRow): SpecGroup {
    return this.fb.group({
      key: [row.key, Validators.maxLength(LIMITS.specKey)],
      value: [row.value, Validators.maxLength(LIMITS.specValue)],
      original: this.fb.control<SpecValue>(row.original),
    });
  }

  private formRows() {
    const v = this.form.getRawValue();
    return { ...v, specifications: v.specifications.map((r) => ({ key: r.key, value: r.value, ...(r.original !== undefined ? { original: r.original } : {}) })) };
  }

  protected reloadList(): void {
    this.list.reload();
  }

  protected fill(p: Property | null): void {
    const f = p ? propertyToForm(p) : EMPTY_PROPERTY;
    this.form.controls.specifications.clear({ emitEvent: false });
    for (const row of f.specifications) this.form.controls.specifications.push(this.specGroup(row), { emitEvent: false });
    const { specifications: _s, ...rest } = f;
    this.form.reset({ ...rest, specifications: f.specifications.map((r) => ({ key: r.key, value: r.value, original: r.original })) });
    this.amenityError.set(null);
  }

  /** Null while a price or a specification row has a problem (shown beside it). */
  protected body(): PropertyWritable | null {
    if (this.rangeProblem() || Object.keys(this.specProblems()).length) return null;
    return formToWritable(this.formRows());
  }

  protected bodyOf(p: Property): PropertyWritable {
    return formToWritable(propertyToForm(p))!;
  }

  /** The server names prices as it stores them. */
  protected serverFields() {
    const c = this.form.controls;
    return { name: c.name, type: c.type, location: c.location, priceMinInr: c.priceMin, priceMaxInr: c.priceMax, amenities: c.amenities, availability: c.availability };
  }
}

/** A rupee amount from the URL; anything else is no filter. */
function wholeRupees(v: string | undefined): number | null {
  const n = Number(v);
  return v && Number.isSafeInteger(n) && n > 0 ? n : null;
}
