import { SCRIPT_VARIABLES, scriptVariablesUsed, fillScript } from '@soraaya/contracts';

/**
 * Checks a persona's first message or script: every `{{variable}}` must be one the
 * dialer fills, and braces must pair. Returns the problems, empty when fine.
 */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  const known = new Set<string>(SCRIPT_VARIABLES);
  for (const name of scriptVariablesUsed(template)) {
    if (!known.has(name)) problems.push(`unknown variable {{${name}}} (known: ${SCRIPT_VARIABLES.join(', ')})`);
  }
  const stripped = fillScript(template, {});
  if (/{{|}}/.test(stripped)) problems.push('has unpaired {{ or }}');
  return problems;
}
