/** The rule registry: every rule, in the order findings are reported. */
import type { Rule } from './rule';
import { putNondeterministicUri } from './put-nondeterministic-uri';
import { postFullReplacement } from './post-full-replacement';
import { putPartialUpdate } from './put-partial-update';
import { unsafeGet } from './unsafe-get';
import { putCreateStatus } from './put-create-status';
import { postCreateStatus } from './post-create-status';

export const rules: readonly Rule[] = [putNondeterministicUri, postFullReplacement, putPartialUpdate, unsafeGet, putCreateStatus, postCreateStatus];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
