/** Schema and table names are interpolated into SQL, so they must be plain identifiers. */
export function sqlIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a safe SQL identifier: ${JSON.stringify(name)}`);
  return name;
}
