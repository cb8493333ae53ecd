import { SCRIPT_VARIABLES } from '@soraaya/contracts';

const VARIABLE = /{{\s*([^{}]*?)\s*}}/g;

/**
 * Checks a persona's first message or script: every `{{variable}}` must be one the
 * dialer fills, and braces must pair. Returns the problems, empty when fine.
 */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  const known = new Set<string>(SCRIPT_VARIABLES);
  for (const match of template.matchAll(VARIABLE)) {
    const name = match[1]!;
    if (!known.has(name)) problems.push(`unknown variable {{${name}}} (known: ${SCRIPT_VARIABLES.join(', ')})`);
  }
  const stripped = template.replace(VARIABLE, '');
  if (/{{|}}/.test(stripped)) problems.push('has unpaired {{ or }}');
  return problems;
}

/** Fills a template with values (missing ones become empty), as the dialer does before a call. */
export function renderTemplate(template: string, values: Record<string, string | number | null | undefined>): string {
  return template.replace(VARIABLE, (_m, name: string) => String(values[name] ?? ''));
}
