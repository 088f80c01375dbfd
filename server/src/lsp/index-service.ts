/**
 * The server's workspace index: built in the background after `initialized` (open documents are validated with
 * what is known meanwhile, then again when the build ends), kept current by open documents (the overlay, set by
 * DocumentAnalyses) and by file watcher events, and rebuilt when folders or settings change. Facts are reused by
 * content key, so a rebuild re-parses only what changed.
 */
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { isCodeLanguage, languageOfPath } from '../analysis/languages';
import { discoverFiles, type DiscoveredFile } from '../workspace/discover';
import { buildIndex } from '../workspace/index-build';
import { ALWAYS_SKIPPED_DIRS, toPosix } from '../workspace/ignore-rules';
import { normalizePath, readDiskText, WorkspaceIndex, type IndexChange } from '../workspace/workspace-index';
import type { Log } from './log';
import { documentPath, isExcluded, type WorkspaceFolders } from './paths';
import type { SettingsStore } from './settings';

/** The globs the server asks the client to watch: every code file the index may hold. */
export const WATCHED_CODE_FILES = '**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}';

export interface IndexServiceDeps {
  readonly folders: WorkspaceFolders;
  readonly settings: SettingsStore;
  readonly log: Log;
  /** Open files whose routes may have changed because of another file. */
  onDependentsChanged(paths: ReadonlySet<string>): void;
  /** A build finished: every open document deserves a fresh look. */
  onBuilt(): void;
  /** True while the user is typing or validations wait: the build steps aside (edit latency comes first). */
  busy(): boolean;
}

/** How long one file of a build waits for typing to pause, at most: a build must end even under constant typing. */
const MAX_BACKOFF_MS = 1000;
const BACKOFF_STEP_MS = 25;

export class IndexService {
  readonly index = new WorkspaceIndex();
  private building: Promise<void> | undefined;
  private rebuildRequested = false;
  private built = false;
  private firstBuild: Promise<void>;
  private resolveFirst!: () => void;
  /** Watcher events are applied one batch at a time, in order. */
  private eventQueue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: IndexServiceDeps) {
    this.firstBuild = new Promise((resolve) => { this.resolveFirst = resolve; });
    this.index.onDidChange((change) => this.changed(change));
  }

  /** True once the first build has finished. */
  get ready(): boolean {
    return this.built;
  }

  /** Resolves when the first build has finished (at once after it). */
  whenReady(): Promise<void> {
    return this.firstBuild;
  }

  /** Build, or rebuild after folders/settings changed; a request during a build runs one more build after it. */
  build(): void {
    if (this.building) {
      this.rebuildRequested = true;
      return;
    }
    this.building = this.run().finally(() => {
      this.building = undefined;
      if (this.rebuildRequested) {
        this.rebuildRequested = false;
        this.build();
      }
    });
  }

  /** workspace/didChangeWatchedFiles. */
  filesChanged(changes: readonly FileEvent[]): void {
    this.eventQueue = this.eventQueue.then(() => this.applyEvents(changes)).catch((e: unknown) => this.deps.log.caught('file events', e));
  }

  /** The workspace's code files under its enabled folders, innermost folder first so nested settings win. */
  async discover(): Promise<DiscoveredFile[]> {
    const files: DiscoveredFile[] = [];
    const seen = new Set<string>();
    const folders = [...this.deps.folders.all()].sort((a, b) => b.path.length - a.path.length);
    for (const folder of folders) {
      const settings = await this.deps.settings.get(folder.uri);
      if (!settings.enable) continue;
      const found = await discoverFiles([folder.path], { exclude: settings.exclude, maxFileSize: settings.maxFileSize });
      for (const f of found.files) {
        if (seen.has(f.path) || !isCodeLanguage(f.languageId)) continue;
        seen.add(f.path);
        files.push(f);
      }
    }
    return files;
  }

  private async run(): Promise<void> {
    const started = performance.now();
    try {
      const files = await this.discover();
      const result = await buildIndex(this.index, files, { replace: true, idle: () => this.idle() });
      this.deps.log.info(`Indexed ${result.files} code files in ${Math.round(performance.now() - started)} ms.`);
    } catch (e) {
      this.deps.log.caught('workspace index', e);
    }
    this.built = true;
    this.resolveFirst();
    this.deps.onBuilt();
  }

  private async idle(): Promise<void> {
    const started = Date.now();
    while (this.deps.busy() && Date.now() - started < MAX_BACKOFF_MS) await new Promise((r) => setTimeout(r, BACKOFF_STEP_MS));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  private changed(change: IndexChange): void {
    // During a build every file arrives once; onBuilt re-validates everything at the end instead.
    if (!this.built || this.building || change.dependents.size === 0) return;
    this.deps.onDependentsChanged(change.dependents);
  }

  private async applyEvents(changes: readonly FileEvent[]): Promise<void> {
    for (const change of changes) {
      const path = normalizePath(documentPath(change.uri));
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder may be reported alone: its indexed files go with it.
        for (const p of this.index.paths()) if (p === path || p.startsWith(`${path}/`)) this.index.setDisk(p, undefined);
        continue;
      }
      if (!this.index.has(path) && !(await this.admits(path))) continue;
      const settings = await this.deps.settings.get(change.uri);
      this.index.setDisk(path, readDiskText(path, settings.maxFileSize));
    }
  }

  /** Whether a file new to the index belongs in it: a code file inside an enabled folder, not skipped nor excluded. */
  private async admits(path: string): Promise<boolean> {
    const language = languageOfPath(path);
    if (!language || !isCodeLanguage(language)) return false;
    const folder = this.deps.folders.folderOf(path);
    const relative = this.deps.folders.relativePath(path);
    if (!folder || relative === undefined) return false;
    if (toPosix(relative).split('/').some((part) => ALWAYS_SKIPPED_DIRS.has(part))) return false;
    const settings = await this.deps.settings.get(folder.uri);
    return settings.enable && !isExcluded(relative, settings.exclude);
  }
}
