import { z } from 'zod';

const MAX_PATTERN = 500;
const MAX_SELECTOR = 300;
const MAX_SELECTORS = 10;
const CONFIG_KEYS = ['urlPattern', 'selectors', 'locale'];
const SELECTOR_KEYS = ['name', 'stage', 'amount', 'closeDate', 'owner', 'segments'];
const LOCALE_PROBLEM = 'must be a language tag such as en-US';

/** One CSS selector, or several tried in order. */
const SelectorListSchema = z.custom<string | string[]>(isSelectorList, {
  error: `must be a CSS selector or a list of up to ${MAX_SELECTORS} of them`,
});

const UrlPatternSchema = z
  .string({ error: 'is required' })
  .min(1, 'is required')
  .max(MAX_PATTERN, `is longer than ${MAX_PATTERN} characters`)
  .superRefine((pattern, ctx) => {
    const problem = urlPatternProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * A custom CRM host's deal pages (an admin's policy entry or a rep's options): the one schema that
 * checks the config wherever it arrives (policy, options, a message, a restored backup).
 */
export const GenericAdapterConfigSchema = z.strictObject(
  {
    /**
     * Regular expression for deal URLs with a named group `id` (optionally `instance`), matched from the
     * URL's start to the end of a path segment, the query, a query parameter or the hash:
     * `https://crm\.example\.com/deals/(?<id>\d+)`.
     */
    urlPattern: UrlPatternSchema,
    /** Where each field is shown; a field without selectors is reported as unknown. */
    selectors: z
      .strictObject(
        {
          name: SelectorListSchema.optional(),
          stage: SelectorListSchema.optional(),
          amount: SelectorListSchema.optional(),
          closeDate: SelectorListSchema.optional(),
          owner: SelectorListSchema.optional(),
          /** Selectors per captureFields id, e.g. `{ lead_source: '#lead-source' }`. */
          segments: z
            .record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'is not a captureFields id'), SelectorListSchema, {
              error: (issue) =>
                issue.code === 'invalid_key'
                  ? 'is not a captureFields id'
                  : 'must map captureFields ids to selectors',
            })
            .optional(),
        },
        {
          error: (issue) =>
            issue.code === 'unrecognized_keys'
              ? `unknown selector "${issue.keys[0]}" (expected ${SELECTOR_KEYS.join(', ')})`
              : 'must be an object',
        },
      )
      .optional(),
    /** The locale numeric dates are written in, when the page does not declare its language (`en-US`). */
    locale: z
      .string({ error: LOCALE_PROBLEM })
      .max(35, LOCALE_PROBLEM)
      .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, LOCALE_PROBLEM)
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key "${issue.keys[0]}" (expected ${CONFIG_KEYS.join(', ')})`
        : 'the custom CRM config must be an object',
  },
);

/** A custom CRM host's generic adapter config, as checked by {@link GenericAdapterConfigSchema}. */
export type GenericAdapterConfig = z.infer<typeof GenericAdapterConfigSchema>;

/** A validated config, or a message an admin can act on. */
export type GenericAdapterConfigResult =
  { ok: true; value: GenericAdapterConfig } | { ok: false; error: string };

/** Checks an untrusted config (from policy or options) without a DOM, naming the first problem's path. */
export function validateGenericAdapterConfig(input: unknown): GenericAdapterConfigResult {
  const parsed = GenericAdapterConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const message = issue?.message ?? 'is invalid';
  return { ok: false, error: `Custom CRM: ${path ? `${path} ${message}` : message}.` };
}

function urlPatternProblem(pattern: string): string | null {
  if (!/^\^?https:(?:\\\/|\/){2}/.test(pattern)) return 'must start with https://';
  let groups: Record<string, string | undefined> | undefined;
  try {
    new RegExp(pattern);
    groups = new RegExp(`(?:${pattern})|`).exec('')?.groups;
  } catch (error) {
    return `is not a valid regular expression: ${(error as Error).message}`;
  }
  if (!groups || !('id' in groups))
    return 'needs a named group "id", e.g. https://crm\\.example\\.com/deals/(?<id>\\d+)';
  return null;
}

function isSelectorList(value: unknown): boolean {
  const list = typeof value === 'string' ? [value] : value;
  return (
    Array.isArray(list) &&
    list.length > 0 &&
    list.length <= MAX_SELECTORS &&
    list.every(
      (selector) => typeof selector === 'string' && selector.trim() !== '' && selector.length <= MAX_SELECTOR,
    )
  );
}
