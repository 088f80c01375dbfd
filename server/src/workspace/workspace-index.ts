/**
 * The workspace index shared by the language server and the CLI: per-file route facts (plain data, never ASTs) keyed
 * by a hash of the text they came from, an overlay of open documents whose text wins over the disk, and the list of
 * the workspace's code files. It answers the full routes of a file (linked across files: mount prefixes, imported
 * handlers), which files' routes a change invalidates, and a WorkspaceView for `analyze()`.
 *
 * A change re-extracts the changed file only (plus the files whose handlers it holds); linking is redone lazily
 * from the cached facts. Files without a route marker cost a hash and the extractor's cheap prefilter, no parse.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type { WorkspaceView } from '../analysis/extractors/extractor';
import type { JsFileFacts } from '../analysis/extractors/js';
import { jsExtraction, loadedJsExtraction } from '../analysis/extractors/js-lazy';
import { toSlashes } from '../analysis/extractors/js/modules';
import type { Route } from '../analysis/model';
import { DEFAULT_MAX_FILE_SIZE } from './discover';
import { downstream, hasNestRoutes, linkShape, referenceCandidates } from './route-graph';

export interface WorkspaceIndexOptions {
  /** Bytes; files over it are read as missing. Default as for discovery. */
  readonly maxFileSize?: number;
  /** How files are read from disk (tests replace it). Undefined for a missing, unreadable or too large file. */
  readonly readDisk?: (path: string) => string | undefined;
}

interface Entry {
  /** Content key of the text the facts were computed from. */
  readonly key: string;
  readonly facts: JsFileFacts;
  /** Content keys of the other files read for the facts (imported handlers), to know when those go stale. */
  readonly depKeys: ReadonlyMap<string, string | undefined>;
}

/** Facts computed away from the index (a scan worker) from the disk text with content key `key`. */
export interface ComputedFacts {
  readonly key: string;
  /** Absent when the text's key matched the one the index already held (nothing was extracted). */
  readonly facts?: JsFileFacts;
  /** Content keys of the other files read for the facts, as read from the disk. */
  readonly depKeys?: ReadonlyMap<string, string | undefined>;
}

export interface IndexChange {
  /** The file whose text changed (or that appeared or went away). */
  readonly path: string;
  /** Other files whose routes may differ because of it: the files it mounts or re-exports, and so on down. */
  readonly dependents: ReadonlySet<string>;
}

export type IndexListener = (change: IndexChange) => void;

export function contentKey(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

export function normalizePath(path: string): string {
  return toSlashes(path);
}

/** Single-file links per generation after which the next asks link everything once. */
const LINK_ALL_AFTER = 2;

export class WorkspaceIndex {
  private readonly diskFiles = new Set<string>();
  private readonly overlay = new Map<string, { readonly text: string; readonly key: string }>();
  private readonly entries = new Map<string, Entry>();
  /** Reverse edges, so a change finds the files it concerns without a pass over the whole index. */
  private readonly readersOf = new Map<string, Set<string>>();
  private readonly referrersOf = new Map<string, Set<string>>();
  private readonly nestFiles = new Set<string>();
  /** Content keys of files read for handlers that are not themselves indexed (outside the folders). */
  private readonly foreignKeys = new Map<string, string | undefined>();
  private readonly listeners: IndexListener[] = [];
  private readonly readDisk: (path: string) => string | undefined;
  /** Bytes; larger files read as missing. */
  readonly maxFileSize: number;
  private linkedAll: Map<string, Route[]> | undefined;
  private readonly linkedOne = new Map<string, Route[]>();
  private version = 0;
  /** How many times facts were computed: tests use it to prove reuse. */
  extractions = 0;

  constructor(options: WorkspaceIndexOptions = {}) {
    const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.maxFileSize = max;
    this.readDisk = options.readDisk ?? ((p) => readDiskText(p, max));
  }

  /** Bumped by every change that can alter some file's routes; memos of analyses key on it. */
  get generation(): number {
    return this.version;
  }

  onDidChange(listener: IndexListener): void {
    this.listeners.push(listener);
  }

  /** Paths of every indexed file: the workspace's code files and the open documents. */
  paths(): string[] {
    return [...this.entries.keys()];
  }

  has(path: string): boolean {
    return this.entries.has(normalizePath(path));
  }

  isOpen(path: string): boolean {
    return this.overlay.has(normalizePath(path));
  }

  facts(path: string): JsFileFacts | undefined {
    return this.entries.get(normalizePath(path))?.facts;
  }

  /** A workspace file's text as on disk (`undefined`: deleted). An open document's text still wins. */
  setDisk(path: string, text: string | undefined): IndexChange {
    const p = normalizePath(path);
    this.foreignKeys.delete(p);
    if (text === undefined) this.diskFiles.delete(p);
    else this.diskFiles.add(p);
    if (this.overlay.has(p)) return { path: p, dependents: new Set() };
    return this.commit(p, text);
  }

  /** The disk content key the index holds for a file, to let a scan worker skip unchanged files. Undefined when open. */
  diskKey(path: string): string | undefined {
    const p = normalizePath(path);
    return this.overlay.has(p) ? undefined : this.entries.get(p)?.key;
  }

  /**
   * A workspace file's facts as computed by a scan worker from its disk text (`undefined`: missing or unreadable).
   * Equivalent to `setDisk` with that text; the index extracts itself only when the worker's view of the files it
   * read is stale (one of them is open with other text) or when it skipped a file whose dependencies changed.
   */
  acceptDisk(path: string, computed: ComputedFacts | undefined): IndexChange {
    const p = normalizePath(path);
    if (!computed) return this.setDisk(p, undefined);
    this.foreignKeys.delete(p);
    this.diskFiles.add(p);
    if (this.overlay.has(p)) return { path: p, dependents: new Set() };
    const before = this.entries.get(p);
    if (before && before.key === computed.key && this.depsFresh(before)) return { path: p, dependents: new Set() };
    const depKeys = computed.depKeys ?? new Map<string, string | undefined>();
    const openDepChanged = [...depKeys].some(([d, k]) => this.overlay.has(d) && this.overlay.get(d)!.key !== k);
    if (!computed.facts || openDepChanged) return this.commit(p, this.readDisk(p));
    this.extractions++;
    return this.apply(p, before, { key: computed.key, facts: computed.facts, depKeys });
  }

  /** Every disk file not in `keep` (nor open) leaves the index, as after a rebuild that no longer finds it. */
  retainDisk(keep: ReadonlySet<string>): void {
    for (const p of [...this.diskFiles]) if (!keep.has(p)) this.setDisk(p, undefined);
  }

  /** An open document's text. */
  setOverlay(path: string, text: string): IndexChange {
    const p = normalizePath(path);
    const key = contentKey(text);
    this.overlay.set(p, { text, key });
    return this.commit(p, text, key);
  }

  /** The document closed: the disk text counts again (re-read), or the file leaves the index when it is not a workspace file. */
  closeOverlay(path: string): IndexChange {
    const p = normalizePath(path);
    loadedJsExtraction()?.forgetIncremental(p);
    if (!this.overlay.delete(p)) return { path: p, dependents: new Set() };
    return this.commit(p, this.diskFiles.has(p) ? this.readDisk(p) : undefined);
  }

  /**
   * Full routes of one file, linked with every indexed file. A link walks the whole graph whatever it builds, so
   * from the third file asked about in one generation (a batch: the CLI, Check Workspace) every file is linked once.
   */
  routesFor(path: string): readonly Route[] {
    const p = normalizePath(path);
    if (!this.linkedAll && this.linkedOne.size >= LINK_ALL_AFTER) this.allRoutes();
    if (this.linkedAll) return this.linkedAll.get(p) ?? [];
    let routes = this.linkedOne.get(p);
    if (!routes) {
      routes = this.entries.has(p) ? jsExtraction().linkRoutes(this.allFacts(), { only: new Set([p]) }).get(p) ?? [] : [];
      this.linkedOne.set(p, routes);
    }
    return routes;
  }

  /**
   * Full routes of a file for exactly this text. When the index holds other content for the path (an unsaved
   * document checked from disk), the text's facts stand in for the indexed ones in this link only.
   */
  routesForText(path: string, text: string): readonly Route[] {
    const p = normalizePath(path);
    const key = contentKey(text);
    if (this.entries.get(p)?.key === key) return this.routesFor(p);
    const transient = this.extract(p, text).facts;
    const all = [...this.allFacts().filter((f) => f.path !== p), transient];
    return jsExtraction().linkRoutes(all, { only: new Set([p]) }).get(p) ?? [];
  }

  /** Every file's full routes, linked once per generation (batch callers: the CLI, Check Workspace). */
  allRoutes(): ReadonlyMap<string, readonly Route[]> {
    this.linkedAll ??= jsExtraction().linkRoutes(this.allFacts());
    return this.linkedAll;
  }

  /** What extractors may ask of the workspace, served from the overlay and the disk. */
  view(): WorkspaceView {
    return { readText: (p) => this.textOf(normalizePath(p)), listFiles: () => this.paths() };
  }

  /** Open text, else disk text: what a file holds as far as the user is concerned. */
  textOf(path: string): string | undefined {
    return this.overlay.get(path)?.text ?? this.readDisk(path);
  }

  private allFacts(): JsFileFacts[] {
    return [...this.entries.values()].map((e) => e.facts);
  }

  private keyOf(path: string): string | undefined {
    const p = normalizePath(path);
    const known = this.overlay.get(p)?.key ?? this.entries.get(p)?.key;
    if (known !== undefined || this.entries.has(p)) return known;
    if (!this.foreignKeys.has(p)) {
      const text = this.readDisk(p);
      this.foreignKeys.set(p, text === undefined ? undefined : contentKey(text));
    }
    return this.foreignKeys.get(p);
  }

  private depsFresh(entry: Entry): boolean {
    for (const [p, k] of entry.depKeys) if (this.keyOf(p) !== k) return false;
    return true;
  }

  private extract(path: string, text: string, key = contentKey(text)): Entry {
    this.extractions++;
    // Open documents change a keystroke at a time: their parse is kept (for at most a few files) and updated in place.
    const facts = jsExtraction().extractFileFacts({ path, text }, {
      reader: { readText: (p) => this.textOf(normalizePath(p)) },
      incremental: this.overlay.has(path),
    });
    const depKeys = new Map<string, string | undefined>();
    for (const dep of facts.dependsOn) {
      const d = normalizePath(dep);
      if (d !== path) depKeys.set(d, this.keyOf(d));
    }
    return { key, facts, depKeys };
  }

  private commit(path: string, text: string | undefined, key = text === undefined ? undefined : contentKey(text)): IndexChange {
    const before = this.entries.get(path);
    if (before && key === before.key && this.depsFresh(before)) return { path, dependents: new Set() };
    if (!before && text === undefined) return { path, dependents: new Set() };
    return this.apply(path, before, text === undefined ? undefined : this.extract(path, text, key));
  }

  private apply(path: string, before: Entry | undefined, after: Entry | undefined): IndexChange {
    if (before) this.unlinkEntry(path, before);
    if (after) this.linkEntry(path, after);
    else this.entries.delete(path);
    this.invalidateLinks();

    const dependents = new Set<string>();
    const appeared = !before || !after;
    if (appeared || linkShape(before?.facts) !== linkShape(after?.facts)) {
      this.addDependents(path, before?.facts, after?.facts, appeared, dependents);
    }
    // Files that read this one for handlers have stale effects when its content changed: re-extract them now.
    const readers = [...(this.readersOf.get(path) ?? [])];
    const keyNow = readers.length > 0 ? this.keyOf(path) : undefined;
    for (const p of readers) {
      const entry = this.entries.get(p);
      if (p === path || !entry || entry.depKeys.get(path) === keyNow) continue;
      const text = this.textOf(p);
      if (text === undefined) continue;
      this.unlinkEntry(p, entry);
      this.linkEntry(p, this.extract(p, text));
      dependents.add(p);
    }
    dependents.delete(path);
    const change: IndexChange = { path, dependents };
    for (const listener of this.listeners) listener(change);
    return change;
  }

  private linkEntry(path: string, entry: Entry): void {
    this.entries.set(path, entry);
    for (const d of entry.depKeys.keys()) addTo(this.readersOf, d, path);
    for (const c of referenceCandidates(entry.facts)) addTo(this.referrersOf, c, path);
    if (hasNestRoutes(entry.facts)) this.nestFiles.add(path);
  }

  private unlinkEntry(path: string, entry: Entry): void {
    for (const d of entry.depKeys.keys()) removeFrom(this.readersOf, d, path);
    for (const c of referenceCandidates(entry.facts)) removeFrom(this.referrersOf, c, path);
    this.nestFiles.delete(path);
  }

  private addDependents(path: string, before: JsFileFacts | undefined, after: JsFileFacts | undefined, appeared: boolean, out: Set<string>): void {
    const exists = (p: string) => this.entries.has(p);
    const lookup = (p: string) => this.entries.get(p)?.facts;
    const starts = [before, after].filter((f): f is JsFileFacts => f !== undefined);
    for (const p of downstream(starts, lookup, exists)) out.add(p);
    if (appeared) {
      // A file that appears or goes away changes what other files' specifiers resolve to.
      const referrers: JsFileFacts[] = [];
      for (const p of this.referrersOf.get(path) ?? []) {
        const facts = p === path ? undefined : lookup(p);
        if (facts) referrers.push(facts);
      }
      for (const p of downstream(referrers, lookup, exists)) out.add(p);
    }
    if (starts.some((f) => f.globalPrefixes.length > 0)) {
      for (const p of this.nestFiles) out.add(p);
    }
  }

  private invalidateLinks(): void {
    this.version++;
    this.linkedAll = undefined;
    this.linkedOne.clear();
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set?.delete(value) && set.size === 0) map.delete(key);
}

/** Disk text without a byte-order mark (offsets must match the editor's), or undefined when missing or too large. */
export function readDiskText(path: string, maxFileSize: number): string | undefined {
  try {
    // Handler lookups try several candidate paths per import, most of them missing: no exception for those.
    const stats = fs.statSync(path, { throwIfNoEntry: false });
    if (!stats?.isFile() || stats.size > maxFileSize) return undefined;
    const text = fs.readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
