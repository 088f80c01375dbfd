/**
 * What must hold for any analysis of any text, however broken: every span is a pair of integers inside the text,
 * every finding points at a route of the result, and nothing failed inside the core. Returned as a list of
 * violations (empty when all is well) so a failing property prints every problem at once.
 */
import type { AnalysisResult, Span } from '../analysis/model';

export function spanViolations(result: AnalysisResult, textLength: number, filePath: string): string[] {
  const problems: string[] = [];
  const check = (where: string, span: Span | undefined, otherFile?: string) => {
    if (!span || (otherFile !== undefined && otherFile !== filePath)) return; // spans into other files are not ours to bound
    const { start, end } = span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > textLength) {
      problems.push(`${where}: span ${start}..${end} outside 0..${textLength}`);
    }
  };
  result.routes.forEach((route, r) => {
    const at = `routes[${r}] ${route.method} ${route.path.display}`;
    check(`${at} span`, route.span);
    check(`${at} methodSpan`, route.methodSpan);
    check(`${at} pathSpan`, route.pathSpan);
    route.path.segments.forEach((s, i) => check(`${at} segment ${i}`, s.span));
    route.path.mountChain.forEach((m, i) => check(`${at} mount ${i}`, m.span, m.filePath));
    check(`${at} body`, route.body?.span);
    route.body?.fields.forEach((f, i) => check(`${at} body field ${i}`, f.span));
    route.urlVariables?.forEach((v, i) => check(`${at} url variable ${i}`, v.span));
    route.effects.forEach((e, i) => check(`${at} effect ${i} (${e.kind})`, e.span, e.filePath));
  });
  result.findings.forEach((f, i) => {
    const at = `findings[${i}] ${f.ruleId}`;
    check(`${at} span`, f.span, f.filePath);
    f.evidence.forEach((e, j) => check(`${at} evidence ${j}`, e.span, e.filePath));
    f.fixes.forEach((fix) => fix.edits.forEach((edit, j) => check(`${at} fix ${fix.id} edit ${j}`, edit.span)));
    if (!Number.isInteger(f.routeIndex) || f.routeIndex < 0 || f.routeIndex >= result.routes.length) {
      problems.push(`${at}: routeIndex ${f.routeIndex} does not name one of ${result.routes.length} routes`);
    }
  });
  return problems;
}

/** Failures of the core itself (an extractor or rule threw): each is a bug, reported with the first line of its message. */
export function errorViolations(result: AnalysisResult): string[] {
  return result.errors.map((e) => `${e.where} threw: ${e.message.split('\n')[0]}`);
}

export function allViolations(result: AnalysisResult, textLength: number, filePath: string): string[] {
  return [...spanViolations(result, textLength, filePath), ...errorViolations(result)];
}
