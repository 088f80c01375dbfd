/**
 * The shared route model. Extractors (request files, framework code) produce it; rules consume it;
 * hover, quick-fixes, the workspace check and the CLI reuse it. Everything here is plain data so the
 * core can be cached, serialised and tested without an editor.
 *
 * Positions are UTF-16 code-unit offsets into the analysed text (what JavaScript strings and LSP use);
 * front doors convert them to line/column.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A file handed to the core: its path (for messages and framework conventions), language id and text. */
export interface SourceFile {
  readonly path: string;
  readonly languageId: LanguageId;
  readonly text: string;
}

export type LanguageId = 'http' | 'javascript' | 'typescript' | 'javascriptreact' | 'typescriptreact' | (string & {});

export type Framework =
  | 'http-file'
  | 'express'
  | 'fastify'
  | 'koa'
  | 'hono'
  | 'nestjs'
  | 'nextjs-app'
  | 'nextjs-pages';

/** One path segment of a route's target. `span` is absent when the segment was not written at this place (a mount prefix, say). */
export type PathSegment =
  | { readonly kind: 'literal'; readonly text: string; readonly span?: Span }
  /** A path parameter or a variable that names something chosen by the client (`:id`, `{id}`, `{{userId}}`). */
  | { readonly kind: 'param'; readonly name: string; readonly raw: string; readonly span?: Span; readonly catchAll?: boolean }
  /** A variable the client evaluates at send time (`{{$guid}}`, `{{Date.now()}}`); see knowledge/system-variables. */
  | { readonly kind: 'dynamic'; readonly expression: string; readonly raw: string; readonly span?: Span }
  /** Text mixing literals and variables we cannot reduce to one of the above (`v{{version}}-beta`). */
  | { readonly kind: 'mixed'; readonly raw: string; readonly span?: Span };

export interface MountStep {
  /** The prefix this step contributes, as written (`/api`, or the source text of an unresolvable expression). */
  readonly prefix: string;
  readonly resolved: boolean;
  /** Where the mount happens, when it is in a file we read. */
  readonly filePath?: string;
  readonly span?: Span;
}

export interface PathTemplate {
  /** The path as shown to people, parameters as `{name}` (`/api/users/{id}`). Unresolved prefixes as `{?}`. */
  readonly display: string;
  readonly segments: readonly PathSegment[];
  /** False when some prefix of the path could not be determined statically. */
  readonly prefixResolved: boolean;
  /** The mounts that produced the full path, outermost first (empty for request files and unmounted routes). */
  readonly mountChain: readonly MountStep[];
}

/** What a request file sends as its body, reduced to what rules need. Code routes have none. */
export interface RequestBody {
  readonly kind: 'none' | 'json-object' | 'json-array' | 'form' | 'file' | 'graphql' | 'text';
  readonly span?: Span;
  /** Top-level keys of a JSON object body, in order, with the raw value text. */
  readonly fields: readonly BodyField[];
}

export interface BodyField {
  readonly key: string;
  readonly valueText: string;
  readonly span: Span;
}

/**
 * An observed effect of the handler, each with the place it was seen. Extractors record what the code does;
 * rules decide what it means for the method.
 */
export type EffectKind =
  /** The server creates the new resource's identity (randomUUID(), nanoid(), auto-increment insert...). */
  | 'mints-id'
  /** The whole stored item is replaced by the request body (replaceOne, store[id] = body...). */
  | 'full-replace'
  /** Only the sent fields are merged into the stored item ($set of picked fields, Object.assign...). */
  | 'partial-update'
  /** A new item is inserted (insertOne, create, push onto a store...). */
  | 'insert'
  | 'delete'
  /** Any other state change (update, counters, appends, writes). */
  | 'state-change'
  /** The handler answers with a status code; `status` holds it. */
  | 'status'
  /** The handler sets a Location header. */
  | 'location-header'
  /** The handler looks up the item by its id and may create it when missing (upsert). */
  | 'upsert';

export interface Effect {
  readonly kind: EffectKind;
  readonly span: Span;
  /** Path of the file the span is in, when it is not the route's own file (a handler imported from elsewhere). */
  readonly filePath?: string;
  /** One line, as a person would say it: "randomUUID() mints the id on the server". */
  readonly description: string;
  readonly status?: number;
}

/**
 * Extractor-provided facts for method-changing quick fixes, so rules can build correct edits without parsing:
 * a NestJS `@Put` must also be imported; a Next.js route file that already exports PUT cannot rename POST to PUT.
 */
export interface MethodChange {
  /** Edits needed besides rewriting the method token, per target method (upper case). */
  readonly extraEdits?: Readonly<Record<string, readonly TextEdit[]>>;
  /** Target methods a local edit cannot switch to. */
  readonly unavailable?: readonly string[];
  /**
   * Text to write over the method token per target method, when it is not the method name in the author's case: a
   * NestJS decorator imported under another name, `export { POST }` that must become `export { POST as PUT }`.
   */
  readonly tokenText?: Readonly<Record<string, string>>;
}

/** A `{{...}}` reference in a request file's URL, wherever it sits. */
export interface UrlVariable {
  /** The text between the braces, trimmed (`$guid`, `userId`, `Date.now()`). */
  readonly expression: string;
  /** Span of the whole reference including the braces. */
  readonly span: Span;
  readonly part: 'origin' | 'path' | 'query';
}

export interface Route {
  readonly method: string;
  /** Span of the method token as written (`PUT`, `router.put`'s `put`, `@Put`, `export function PUT`). */
  readonly methodSpan: Span;
  /** The method as written in the source (for edits that keep the author's case: `put` vs `PUT`). */
  readonly methodText: string;
  readonly path: PathTemplate;
  /** Span of the path as written (the URL in a request file, the path string literal in code); absent when implicit. */
  readonly pathSpan?: Span;
  readonly framework: Framework;
  readonly filePath: string;
  /** A request's `# @name` or `### name`, for messages. */
  readonly name?: string;
  readonly body?: RequestBody;
  /** Request files: every variable reference in the URL (code routes have none). */
  readonly urlVariables?: readonly UrlVariable[];
  /** Request files: the names of the file's variables (`@projectId = ...`), one array shared by the file's routes. */
  readonly fileVariables?: readonly string[];
  readonly effects: readonly Effect[];
  /** How to switch this route to another method when rewriting the method token is not the whole edit. */
  readonly methodChange?: MethodChange;
  /** Span of the whole route definition (request block, route call), for suppression placement and hovers. */
  readonly span: Span;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  /** Stable id so a front door can rebuild the fix from a diagnostic's data. */
  readonly id: string;
  /** Explains the semantics: "Change POST to PUT: replacing the item at its own URI is idempotent". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Safe to apply without reading the code (never true for a method change on code routes: it alters the contract). */
  readonly isPreferred: boolean;
}

export interface Evidence {
  readonly span: Span;
  readonly filePath?: string;
  readonly message: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly filePath: string;
  readonly evidence: readonly Evidence[];
  readonly fixes: readonly Fix[];
  /** Index into the result's routes of the route this finding is about. */
  readonly routeIndex: number;
}

/** A problem of the analysis itself (an extractor or rule threw): logged, never shown as a finding. */
export interface AnalysisError {
  readonly where: string;
  readonly filePath: string;
  readonly message: string;
}

export interface AnalysisResult {
  readonly routes: readonly Route[];
  readonly findings: readonly Finding[];
  readonly errors: readonly AnalysisError[];
}
