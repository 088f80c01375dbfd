/**
 * `httpMethodLint/checkWorkspace`: lint every file of the workspace folders, publish diagnostics for the files that
 * are not open (open ones belong to live validation) so they show in the Problems panel, and answer a summary.
 * Honours each folder's exclude/maxFileSize/enable/rules, reports work-done progress and stops when cancelled, either
 * through the request or through the progress's own cancel button.
 */
import type { CancellationToken, PublishDiagnosticsParams, TextDocuments, WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../analysis/model';
import type { CheckWorkspaceResult } from '../protocol';
import { analyzeFiles, type FileToAnalyze } from '../workspace/analyze-files';
import { discoverFiles } from '../workspace/discover';
import { buildIndex } from '../workspace/index-build';
import type { DocumentAnalyses } from './analyses';
import { locateInFile } from './analyses';
import { toDiagnostics, type DiagnosticFeatures } from './diagnostics';
import type { IndexService } from './index-service';
import type { Log } from './log';
import { documentPath, fileUri, type WorkspaceFolders } from './paths';
import type { Settings, SettingsStore } from './settings';
import { isLintedLanguage, skipReason } from './validation';

export interface Progress {
  readonly reporter: WorkDoneProgressReporter;
  /** Set when the progress UI has its own cancel button (server-created progress). */
  readonly token?: CancellationToken;
}

export interface WorkspaceCheckDeps {
  readonly folders: WorkspaceFolders;
  readonly settings: SettingsStore;
  readonly documents: TextDocuments<TextDocument>;
  readonly analyses: DocumentAnalyses;
  /** The server's workspace index: checked files get their full cross-file paths from it. */
  readonly indexService: IndexService;
  readonly log: Log;
  readonly extensionRoot: string;
  readonly features: () => DiagnosticFeatures;
  publish(params: PublishDiagnosticsParams): void;
}

interface Tally {
  files: number;
  findings: number;
  byRule: Record<string, number>;
  skipped: number;
  errors: number;
}

/** Lets queued messages (a cancel request) through between files; the analysis itself is synchronous. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceChecker {
  /** URIs whose diagnostics came from the last check, so the next one can clear files that no longer qualify. */
  private published = new Set<string>();

  constructor(private readonly deps: WorkspaceCheckDeps) {}

  async run(token: CancellationToken, progress: Progress): Promise<CheckWorkspaceResult> {
    const isCancelled = () => token.isCancellationRequested || progress.token?.isCancellationRequested === true;
    const tally: Tally = { files: 0, findings: 0, byRule: {}, skipped: 0, errors: 0 };
    const publishedNow = new Set<string>();
    progress.reporter.begin('HTTP Method Lint: checking the workspace', 0, 'Finding files...', true);
    try {
      const batches: { settings: Settings; files: FileToAnalyze[] }[] = [];
      const open = new Map(this.deps.documents.all().map((d) => [documentPath(d.uri), d]));
      const seen = new Set<string>(); // nested workspace folders would otherwise yield a file twice
      // Innermost folders first, so a file of a nested folder is checked with that folder's settings.
      const folders = [...this.deps.folders.all()].sort((a, b) => b.path.length - a.path.length);
      for (const folder of folders) {
        if (isCancelled()) break;
        const settings = await this.deps.settings.get(folder.uri);
        if (!settings.enable) continue;
        const found = await discoverFiles([folder.path], { exclude: settings.exclude, maxFileSize: settings.maxFileSize, isCancelled });
        tally.skipped += found.skipped.length;
        const closed: FileToAnalyze[] = [];
        for (const file of found.files) {
          if (seen.has(file.path)) continue;
          seen.add(file.path);
          const document = open.get(file.path);
          if (document) await this.countOpen(document, tally);
          else closed.push({ path: file.path, languageId: file.languageId });
        }
        batches.push({ settings, files: closed });
      }

      // Every found file is in the index before any is linted, so mounts in any folder reach routes in any other.
      const { index } = this.deps.indexService;
      await this.deps.indexService.whenReady();
      if (!isCancelled()) await buildIndex(index, batches.flatMap((b) => b.files), { isCancelled });
      const total = batches.reduce((n, b) => n + b.files.length, 0);
      let done = 0;
      for (const batch of batches) {
        for await (const outcome of analyzeFiles(batch.files, { rules: batch.settings.rules, isCancelled, index })) {
          done++;
          if (outcome.kind === 'unreadable') {
            tally.skipped++;
            this.deps.log.once('warn', `unreadable\u0000${outcome.path}`, `Could not read ${outcome.path}: ${outcome.message}`);
          } else {
            tally.files++;
            tally.errors += outcome.result.errors.length;
            this.deps.log.analysisErrors(outcome.result.errors);
            count(outcome.result.findings, tally);
            const uri = fileUri(outcome.path);
            this.publishClosed(uri, outcome.languageId, outcome.text, outcome.result.findings, batch.settings);
            publishedNow.add(uri);
          }
          progress.reporter.report(Math.round((done / Math.max(1, total)) * 100), `${done}/${total} files`);
          await breathe();
        }
      }
    } catch (e) {
      tally.errors++;
      this.deps.log.caught('checkWorkspace', e);
    } finally {
      progress.reporter.done();
    }

    const cancelled = isCancelled();
    this.clearStale(publishedNow, cancelled);
    return { ...tally, cancelled };
  }

  /** Open documents are counted from their live text (what the user sees), not re-published. */
  private async countOpen(document: TextDocument, tally: Tally): Promise<void> {
    if (!isLintedLanguage(document.languageId)) return;
    const settings = await this.deps.settings.get(document.uri);
    if (skipReason(document, settings, this.deps.folders)) {
      tally.skipped++;
      return;
    }
    const { result } = this.deps.analyses.get(document, settings);
    tally.files++;
    tally.errors += result.errors.length;
    count(result.findings, tally);
  }

  private publishClosed(uri: string, languageId: string, text: string, findings: readonly Finding[], settings: Settings): void {
    if (this.deps.documents.get(uri)) return; // opened while we were reading: live validation owns it now
    const document = TextDocument.create(uri, languageId, 0, text);
    const diagnostics = toDiagnostics(findings, {
      document,
      documentPath: documentPath(uri),
      version: null,
      extensionRoot: this.deps.extensionRoot,
      features: this.deps.features(),
      locateElsewhere: (filePath, span) => locateInFile(filePath, span, (u) => this.deps.documents.get(u), settings.maxFileSize),
    });
    this.deps.publish({ uri, diagnostics });
  }

  /** After a complete run, files published last time but not this time (now excluded, deleted) lose their diagnostics. */
  private clearStale(publishedNow: Set<string>, cancelled: boolean): void {
    if (cancelled) {
      for (const uri of publishedNow) this.published.add(uri);
      return;
    }
    for (const uri of this.published) {
      if (!publishedNow.has(uri) && !this.deps.documents.get(uri)) this.deps.publish({ uri, diagnostics: [] });
    }
    this.published = publishedNow;
  }
}

function count(findings: readonly Finding[], tally: Tally): void {
  tally.findings += findings.length;
  for (const f of findings) tally.byRule[f.ruleId] = (tally.byRule[f.ruleId] ?? 0) + 1;
}
