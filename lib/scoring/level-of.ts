import type { Answer } from './answer';

/** Looks up the level value chosen for a criterion; missing answers count as Unknown. */
export function levelOf(answers: readonly Answer[], criterionId: string): number | null {
  return answers.find((answer) => answer.criterionId === criterionId)?.level ?? null;
}
