/**
 * A zod issue as a problem. The schemas' own words ("no text", "must be one
 * of …", "must not be empty") and zod's commonest issues (a wrong type, a
 * number out of range) get a code of their own, so the interface can word
 * them; any other issue keeps zod's English text as its detail.
 */
import type { z } from 'zod';
import { issuePath } from '../formats/record.ts';
import { problem, type Problem } from './problem.ts';

/** The words our schemas give their issues, by problem code. */
const SCHEMA_WORDS: Record<string, Problem['code']> = {
  'no text': 'line.noText',
  'no text (empty)': 'line.textEmpty',
  'must not be empty': 'field.empty',
  'no leading, trailing or repeated spaces': 'actor.nameSpaces',
  'an id is required': 'actor.idRequired',
  'an alias cannot be empty': 'actor.aliasEmpty',
  'an actor needs an Arabic or an English name': 'actor.needsName',
  'an actor cannot be merged into itself': 'actor.mergeIntoSelf',
};

/** `issue` as a problem about its field (path `spans[2].start`). */
export function zodProblem(issue: z.core.$ZodIssue): Problem {
  const path = issuePath(issue.path);
  const own = SCHEMA_WORDS[issue.message];
  if (own) return problem(own, undefined, path);
  const oneOf = /^(?:kind |attribution )?must be one of (.*)$/.exec(issue.message);
  if (oneOf) return problem('field.oneOf', { values: oneOf[1]! }, path);
  const atMost = /^at most (\d+) (characters|aliases)$/.exec(issue.message);
  if (atMost)
    return problem(
      atMost[2] === 'aliases' ? 'actor.tooManyAliases' : 'actor.nameTooLong',
      { max: Number(atMost[1]) },
      path,
    );
  if (issue.code === 'invalid_type') {
    const received = /received (\S+)$/.exec(issue.message)?.[1];
    if (received && issue.message.startsWith('Invalid input: expected '))
      return problem('field.type', { expected: issue.expected, received }, path);
  }
  if (
    (issue.code === 'too_big' || issue.code === 'too_small') &&
    issue.origin === 'number' &&
    /^Too (big|small): expected number to be/.test(issue.message)
  ) {
    const inclusive = String(issue.inclusive ?? true);
    return issue.code === 'too_big'
      ? problem('field.tooBig', { max: Number(issue.maximum), inclusive }, path)
      : problem('field.tooSmall', { min: Number(issue.minimum), inclusive }, path);
  }
  return problem('field.invalid', { detail: issue.message }, path);
}
