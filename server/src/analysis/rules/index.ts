/** The rule registry: every rule, in the order findings are reported. */
import type { Rule } from './rule';
import { putNondeterministicUri } from './put-nondeterministic-uri';
import { postFullReplacement } from './post-full-replacement';

export const rules: readonly Rule[] = [putNondeterministicUri, postFullReplacement];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
