import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatStepper, MatStepperModule } from '@angular/material/stepper';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ImportField, LeadImport } from '@soraaya/contracts';
import type { Subscription } from 'rxjs';
import { errorMessage } from '../../../core/api/api-error';
import { LiveFeedStore } from '../../../core/live/live-feed.store';
import { StatusChip } from '../../../core/ui/status-chip';
import { LeadsApi, saveFile } from '../leads-api.service';
import { encodingProblem, previewCsv, sampleValues, type CsvPreview } from './csv-preview';
import { IMPORT_FIELD_LABELS, IMPORT_FIELD_OPTIONS, initialChoices, reviewMapping } from './import-mapping';
import { applyImportEvent, countTiles, fileProblem, importHeadline, issuesCsv, megabytes, newerImport, percentRead, sortIssues, type ImportEventData } from './import-report';

/** What the wizard closes with: the import whose leads to show, if the person asked. */
export interface ImportWizardResult {
  importId: string | null;
  imported: boolean;
}

/** Enough of the file's start for a header and a few rows, however wide. */
const PREVIEW_BYTES = 64 * 1024;
const PREVIEW_ROWS = 5;
/** Polling while the live feed is down, and as a safety net while it is up. */
const POLL_OFFLINE_MS = 1000;
const POLL_LIVE_MS = 4000;

/**
 * CSV import in four steps: choose a file → check the column mapping the server
 * will apply (and override it) → upload and watch the server read it (live
 * events, polling as a fallback) → the counts and every rejected or flagged
 * row, downloadable as CSV.
 */
@Component({
  selector: 'app-import-wizard',
  imports: [MatDialogModule, MatStepperModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatSelectModule, MatProgressBarModule, MatTableModule, MatPaginatorModule, MatTooltipModule, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-wizard.html',
  styleUrl: './import-wizard.scss',
})
export class ImportWizard {
  private readonly api = inject(LeadsApi);
  private readonly live = inject(LiveFeedStore);
  private readonly ref = inject<MatDialogRef<ImportWizard, ImportWizardResult>>(MatDialogRef);
  private readonly stepper = viewChild.required(MatStepper);

  protected readonly fieldOptions = IMPORT_FIELD_OPTIONS;
  protected readonly fieldLabels = IMPORT_FIELD_LABELS;
  protected readonly megabytes = megabytes;

  /** The stepper's current step, for the dialog's row of actions. */
  protected readonly step = signal(0);

  // Step 1: the file.
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly dragging = signal(false);
  protected readonly preview = signal<CsvPreview | null>(null);
  protected readonly fileReady = computed(() => !!this.file() && !!this.preview()?.headers.length && !this.fileError());

  // Step 2: the mapping.
  protected readonly choices = signal<(ImportField | '')[]>([]);
  protected readonly review = computed(() => reviewMapping(this.preview()?.headers ?? [], this.choices()));
  protected readonly columns = computed(() => {
    const p = this.preview();
    return this.review().columns.map((c, i) => ({ ...c, index: i, samples: p ? sampleValues(p, i) : [] }));
  });
  protected readonly mappingReady = computed(() => this.fileReady() && this.review().errors.length === 0);

  // Steps 3 and 4: the upload and the server's reading.
  protected readonly uploadPercent = signal<number | null>(null);
  protected readonly job = signal<LeadImport | null>(null);
  protected readonly startError = signal<string | null>(null);
  protected readonly started = computed(() => this.uploadPercent() !== null || !!this.job());
  protected readonly finished = computed(() => this.job()?.status === 'completed' || this.job()?.status === 'failed');
  protected readonly readPercent = computed(() => (this.job() ? percentRead(this.job()!) : 0));
  protected readonly tiles = computed(() => (this.job() ? countTiles(this.job()!.counts) : []));
  protected readonly headline = computed(() => (this.job() ? importHeadline(this.job()!) : ''));
  protected readonly liveState = this.live.state;
  /** The report is fetched in full once the import ends. */
  protected readonly report = signal<LeadImport | null>(null);
  protected readonly issues = computed(() => sortIssues(this.report()?.issues ?? []));
  protected readonly issuePage = signal({ index: 0, size: 10 });
  protected readonly issueRows = computed(() => {
    const { index, size } = this.issuePage();
    return this.issues().slice(index * size, (index + 1) * size);
  });

  private upload: Subscription | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    // Live progress: the feed's latest event, when it is about this import.
    effect(() => {
      const ev = this.live.lastEvent();
      if (!ev || ev.topic !== 'imports') return;
      untracked(() => {
        const current = this.job();
        if (!current) return;
        const next = applyImportEvent(current, ev.event.type, ev.event.data as ImportEventData);
        if (next !== current) this.job.set(next);
        if (next.status === 'completed' || next.status === 'failed') void this.finish(next.id);
      });
    });
    // Escape closes, at any step: an import under way goes on on the server, and the list shows its leads.
    this.ref.keydownEvents().subscribe((e) => {
      if (e.key === 'Escape') this.close();
    });
    inject(DestroyRef).onDestroy(() => {
      this.upload?.unsubscribe();
      this.stopPolling();
    });
  }

  // ---- step 1 ----

  protected onDragOver(e: DragEvent): void {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = this.started() ? 'none' : 'copy';
    this.dragging.set(true);
  }

  protected onDrop(e: DragEvent): void {
    e.preventDefault();
    this.dragging.set(false);
    const f = e.dataTransfer?.files?.[0];
    if (f && !this.started()) void this.choose(f);
  }

  protected onPicked(input: HTMLInputElement): void {
    const f = input.files?.[0];
    input.value = ''; // choosing the same file again still fires
    if (f) void this.choose(f);
  }

  private async choose(f: File): Promise<void> {
    this.file.set(f);
    this.preview.set(null);
    this.fileError.set(fileProblem(f));
    if (this.fileError()) return;
    try {
      const head = new Uint8Array(await f.slice(0, PREVIEW_BYTES).arrayBuffer());
      const problem = encodingProblem(head);
      if (problem) {
        this.fileError.set(problem === 'utf16' ? 'The file is UTF-16 text: save it as "CSV UTF-8" and choose it again' : `"${f.name}" is not text: export the sheet as CSV (UTF-8)`);
        return;
      }
      const text = new TextDecoder('utf-8').decode(head);
      const p = previewCsv(text, { complete: f.size <= PREVIEW_BYTES, maxRows: PREVIEW_ROWS });
      if (!p.headers.length || p.headers.every((h) => !h)) {
        this.fileError.set('The file has no header row: the first line must name the columns');
        return;
      }
      this.preview.set(p);
      this.choices.set(initialChoices(p.headers));
    } catch (err) {
      this.fileError.set(`Cannot read "${f.name}": ${errorMessage(err)}`);
    }
  }

  // ---- step 2 ----

  protected chooseField(index: number, field: ImportField | ''): void {
    this.choices.update((c) => c.map((v, i) => (i === index ? field : v)));
  }

  protected resetMapping(): void {
    this.choices.set(initialChoices(this.preview()?.headers ?? []));
  }

  // ---- step 3 ----

  protected start(): void {
    const f = this.file();
    if (!f || !this.mappingReady() || this.started()) return;
    this.startError.set(null);
    this.uploadPercent.set(0);
    this.stepper().next();
    this.upload = this.api.upload(f, this.review().mapping).subscribe({
      next: (e) => {
        if (e.type === HttpEventType.UploadProgress) this.uploadPercent.set(e.total ? Math.round((e.loaded / e.total) * 100) : 0);
        if (e.type === HttpEventType.Response && e.body) {
          this.uploadPercent.set(100);
          this.job.set(newerImport(this.job(), e.body));
          this.poll(0);
        }
      },
      error: (err: unknown) => {
        this.uploadPercent.set(null);
        this.startError.set(errorMessage(err));
      },
    });
  }

  /** Asks for the import's state: the fallback to live events, and their safety net. */
  private poll(delay: number): void {
    this.stopPolling();
    this.pollTimer = setTimeout(async () => {
      const id = this.job()?.id;
      if (!id || this.finished()) return;
      try {
        const fetched = await this.api.getImport(id, 0, 0);
        this.job.set(newerImport(this.job(), fetched));
        if (fetched.status === 'completed' || fetched.status === 'failed') {
          await this.finish(id);
          return;
        }
      } catch {
        // A missed poll is retried by the next one.
      }
      this.poll(this.live.isLive() ? POLL_LIVE_MS : POLL_OFFLINE_MS);
    }, delay);
  }

  private stopPolling(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  private finishing = false;
  /** The import ended: fetch its full report (every row issue) and show the result. */
  private async finish(id: string): Promise<void> {
    if (this.finishing || this.report()) return;
    this.finishing = true;
    this.stopPolling();
    try {
      const full = await this.api.getImportWithAllIssues(id);
      this.job.set(full);
      this.report.set(full);
      setTimeout(() => this.stepper().next());
    } catch (err) {
      this.startError.set(`The import ended, but its report could not be read: ${errorMessage(err)}`);
      this.finishing = false;
    }
  }

  // ---- step 4 ----

  protected onIssuePage(e: PageEvent): void {
    this.issuePage.set({ index: e.pageIndex, size: e.pageSize });
  }

  protected downloadIssues(): void {
    const r = this.report();
    if (!r) return;
    saveFile(issuesCsv(r.issues), `${r.fileName.replace(/\.(csv|txt)$/i, '')}-import-report.csv`);
  }

  protected close(showImported = false): void {
    this.ref.close({ importId: showImported ? (this.job()?.id ?? null) : null, imported: !!this.report() });
  }
}
