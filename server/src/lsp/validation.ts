/**
 * Diagnostics as you type: a short per-URI debounce coalesces bursts of changes, and a result is published only if
 * it is still the newest for its document (same version, no later validation started). Closing a document clears
 * its diagnostics.
 */
import type { PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LANGUAGE_IDS, type LintState, type LintStatusParams } from '../protocol';
import type { DocumentAnalyses } from './analyses';
import { locateInFile } from './analyses';
import { toDiagnostics, type DiagnosticFeatures } from './diagnostics';
import type { Log } from './log';
import { documentPath, exceedsSize, isExcluded, type WorkspaceFolders } from './paths';
import type { Settings, SettingsStore } from './settings';

/** Coalesces bursts (paste, multi-cursor, undo runs) while leaving most of the 50 ms didChange->publish budget to the analysis. */
export const DEBOUNCE_MS = 20;

export interface ValidatorDeps {
  readonly documents: TextDocuments<TextDocument>;
  readonly settings: SettingsStore;
  readonly analyses: DocumentAnalyses;
  readonly folders: WorkspaceFolders;
  readonly log: Log;
  readonly extensionRoot: string;
  readonly features: () => DiagnosticFeatures;
  publish(params: PublishDiagnosticsParams): void;
  status(params: LintStatusParams): void;
}

const LINTED_LANGUAGES: ReadonlySet<string> = new Set(LANGUAGE_IDS);

export function isLintedLanguage(languageId: string): boolean {
  return LINTED_LANGUAGES.has(languageId);
}

/** Why a document is not linted under these settings, or undefined when it is. */
export function skipReason(document: TextDocument, settings: Settings, folders: WorkspaceFolders): Exclude<LintState, 'ok' | 'failed'> | undefined {
  if (!settings.enable) return 'disabled';
  if (isExcluded(folders.relativePath(documentPath(document.uri)), settings.exclude)) return 'excluded';
  if (exceedsSize(document.getText(), settings.maxFileSize)) return 'too-large';
  return undefined;
}

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Set by every validation start, removed on close: a validation that finds another number publishes nothing. */
  private readonly generation = new Map<string, number>();
  private counter = 0;
  private readonly tooLargeReported = new Set<string>();

  constructor(private readonly deps: ValidatorDeps, private readonly debounceMs = DEBOUNCE_MS) {}

  /** Validations waiting for their debounce. */
  get pending(): number {
    return this.timers.size;
  }

  /** Validate after the debounce; a later call for the same URI restarts the wait. */
  schedule(uri: string, delayMs = this.debounceMs): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.validate(uri);
    }, delayMs));
  }

  /** Settings changed: re-validate every open document right away. */
  scheduleAll(): void {
    for (const document of this.deps.documents.all()) {
      if (isLintedLanguage(document.languageId)) this.schedule(document.uri, 0);
    }
  }

  /** `publishedTo`: whether diagnostics may have been published for the document (its language is linted). */
  closed(uri: string, publishedTo = true): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.generation.delete(uri);
    this.tooLargeReported.delete(uri);
    this.deps.analyses.forget(uri);
    if (publishedTo) this.deps.publish({ uri, diagnostics: [] });
  }

  async validate(uri: string): Promise<void> {
    const generation = this.bump(uri);
    const isCurrent = (version: number) =>
      this.generation.get(uri) === generation && this.deps.documents.get(uri)?.version === version;
    try {
      const initial = this.deps.documents.get(uri);
      if (!initial || !isLintedLanguage(initial.languageId)) return;
      const settings = await this.deps.settings.get(uri);
      // The settings round trip lets edits and newer validations overtake this one: then its result is stale.
      if (!isCurrent(initial.version)) return;
      const document = this.deps.documents.get(uri) ?? initial;
      this.publishFor(document, settings);
    } catch (e) {
      this.deps.log.caught(`validation of ${uri}`, e);
    }
  }

  private publishFor(document: TextDocument, settings: Settings): void {
    const { uri, version } = document;
    const skipped = skipReason(document, settings, this.deps.folders);
    if (skipped) {
      if (skipped === 'too-large') this.reportTooLarge(document, settings.maxFileSize);
      this.deps.publish({ uri, version, diagnostics: [] });
      this.deps.status({ uri, state: skipped, findings: 0, durationMs: 0 });
      return;
    }
    this.tooLargeReported.delete(uri);
    const analysis = this.deps.analyses.get(document, settings);
    const diagnostics = toDiagnostics(analysis.result.findings, {
      document,
      documentPath: analysis.path,
      version,
      extensionRoot: this.deps.extensionRoot,
      features: this.deps.features(),
      locateElsewhere: (filePath, span) =>
        locateInFile(filePath, span, (u) => this.deps.documents.get(u), settings.maxFileSize),
    });
    this.deps.publish({ uri, version, diagnostics });
    const failed = analysis.result.errors.length > 0 && diagnostics.length === 0;
    this.deps.status({ uri, state: failed ? 'failed' : 'ok', findings: diagnostics.length, durationMs: Math.round(analysis.durationMs) });
  }

  private reportTooLarge(document: TextDocument, maxFileSize: number): void {
    if (this.tooLargeReported.has(document.uri)) return;
    this.tooLargeReported.add(document.uri);
    this.deps.log.info(
      `Not linting ${documentPath(document.uri)}: it is larger than httpMethodLint.maxFileSize (${maxFileSize} bytes).`,
    );
  }

  private bump(uri: string): number {
    const next = ++this.counter;
    this.generation.set(uri, next);
    return next;
  }
}
