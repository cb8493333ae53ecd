/**
 * A JSON Schema (draft-07) validator for the keywords values.schema.json uses, so the
 * chart test needs no schema library. SUPPORTED_KEYWORDS is the whole list: the test
 * fails if the schema uses any other keyword, instead of this validator ignoring it.
 */
export const SUPPORTED_KEYWORDS = new Set([
  '$schema',
  'title',
  'description',
  'definitions',
  '$ref',
  'type',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'minProperties',
  'items',
  'minItems',
  'uniqueItems',
  'contains',
  'minimum',
  'maximum',
  'minLength',
  'pattern',
]);

export type Schema = Record<string, unknown>;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

/** Keywords used anywhere in a schema, to check against SUPPORTED_KEYWORDS. */
export function keywordsOf(schema: unknown, found = new Set<string>()): Set<string> {
  if (typeof schema !== 'object' || schema === null) return found;
  const s = schema as Schema;
  for (const [k, v] of Object.entries(s)) {
    found.add(k);
    if (k === 'properties' || k === 'definitions') for (const sub of Object.values(v as Schema)) keywordsOf(sub, found);
    else if (['additionalProperties', 'items', 'contains', 'propertyNames'].includes(k)) keywordsOf(v, found);
  }
  return found;
}

/** Returns the problems ("path: message"); an empty list means valid. */
export function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    const m = /^#\/definitions\/(.+)$/.exec(ref);
    const target = m ? (root.definitions as Record<string, Schema> | undefined)?.[m[1]!] : undefined;
    if (!target) throw new Error(`unresolvable $ref ${ref}`);
    return target;
  };
  const check = (schema: Schema | boolean, v: unknown, path: string): void => {
    if (schema === true) return;
    if (schema === false) {
      errors.push(`${path}: is not allowed`);
      return;
    }
    if (schema.$ref) return check(resolve(String(schema.$ref)), v, path);
    if (schema.type !== undefined) {
      const types = ([] as string[]).concat(schema.type as string | string[]);
      if (!types.some((t) => typeMatches(v, t))) {
        errors.push(`${path}: must be ${types.join(' or ')}, got ${typeOf(v)}`);
        return;
      }
    }
    if (schema.enum && !(schema.enum as unknown[]).some((e) => e === v))
      errors.push(`${path}: must be one of ${JSON.stringify(schema.enum)}`);
    if (typeof v === 'string') {
      if (typeof schema.minLength === 'number' && v.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v))
        errors.push(`${path}: does not match ${schema.pattern}`);
    }
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && v > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
      if (schema.uniqueItems && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) errors.push(`${path}: items are not unique`);
      if (schema.items) v.forEach((x, i) => check(schema.items as Schema, x, `${path}[${i}]`));
      if (schema.contains) {
        const before = errors.length;
        const ok = v.some((x) => {
          const probe = validate({ definitions: root.definitions, ...(schema.contains as Schema) }, x);
          return probe.length === 0;
        });
        errors.length = before;
        if (!ok) errors.push(`${path}: contains no item matching ${JSON.stringify(schema.contains)}`);
      }
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>;
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) errors.push(`${path}: ${r} is required`);
      if (typeof schema.minProperties === 'number' && Object.keys(obj).length < schema.minProperties)
        errors.push(`${path}: fewer than ${schema.minProperties} properties`);
      for (const [k, x] of Object.entries(obj)) {
        const at = path ? `${path}.${k}` : k;
        if (schema.propertyNames) check({ type: 'string', ...(schema.propertyNames as Schema) }, k, `${at} (name)`);
        if (k in props) check(props[k]!, x, at);
        else if (schema.additionalProperties !== undefined) check(schema.additionalProperties as Schema | boolean, x, at);
      }
    }
  };
  check(root, value, '');
  return errors;
}
