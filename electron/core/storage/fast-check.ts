// A validator compiled from a zod schema's own definition, for the cold-load hot path. It answers only
// "valid or not" and allocates nothing, where zod builds a full copy of every document (which costs as
// much as JSON.parse itself at 10,000 sub-accounts). The zod schema stays the single source of truth: a
// schema using anything this compiler does not know falls back to zod, and a differential test holds the
// two to the same verdicts.
import type { z } from 'zod';

type Check = (v: unknown) => boolean;

class Unsupported extends Error {}

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Record<string, unknown> } }>;
  [k: string]: unknown;
}

const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Length bounds and an optional pattern, folded into one closure (this runs once per string at load). */
function lengthChecks(def: Def): Check {
  let max = Number.POSITIVE_INFINITY;
  let min = 0;
  let re: RegExp | null = null;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'max_length') max = Math.min(max, d.maximum as number);
    else if (d.check === 'min_length') min = Math.max(min, d.minimum as number);
    else if (d.check === 'string_format' && d.format === 'regex' && re === null) re = d.pattern as RegExp;
    else throw new Unsupported(String(d.check));
  }
  const pattern = re;
  if (pattern === null) {
    return (v) => {
      const n = (v as { length: number }).length;
      return n <= max && n >= min;
    };
  }
  return (v) => {
    const n = (v as { length: number }).length;
    if (n > max || n < min) return false;
    pattern.lastIndex = 0;
    return pattern.test(v as string);
  };
}

function numberChecks(def: Def): Check {
  const parts: Check[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'number_format' && d.format === 'safeint') parts.push((v) => Number.isSafeInteger(v));
    else if (d.check === 'greater_than')
      parts.push((v) =>
        d.inclusive ? (v as number) >= (d.value as number) : (v as number) > (d.value as number),
      );
    else if (d.check === 'less_than')
      parts.push((v) =>
        d.inclusive ? (v as number) <= (d.value as number) : (v as number) < (d.value as number),
      );
    else throw new Unsupported(String(d.check));
  }
  return (v) => parts.every((p) => p(v));
}

function compile(schema: unknown): Check {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const checks = lengthChecks(def);
      return (v) => typeof v === 'string' && checks(v);
    }
    case 'number': {
      const checks = numberChecks(def);
      return (v) => typeof v === 'number' && Number.isFinite(v) && checks(v);
    }
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (v) => values.has(v);
    }
    case 'literal': {
      const values = new Set(def.values as unknown[]);
      return (v) => values.has(v);
    }
    case 'nullable': {
      const inner = compile(def.innerType);
      return (v) => v === null || inner(v);
    }
    case 'optional': {
      const inner = compile(def.innerType);
      return (v) => v === undefined || inner(v);
    }
    case 'array': {
      const element = compile(def.element);
      const checks = lengthChecks(def);
      return (v) => Array.isArray(v) && checks(v) && v.every(element);
    }
    case 'record': {
      const key = compile(def.keyType);
      const value = compile(def.valueType);
      return (v) => {
        if (!isPlainObject(v)) return false;
        for (const k in v) if (!key(k) || !value(v[k])) return false;
        return true;
      };
    }
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      const checks = keys.map((k) => compile(shape[k]));
      const catchall = def.catchall ? defOf(def.catchall).type : undefined;
      if (catchall !== undefined && catchall !== 'never') throw new Unsupported('catchall');
      const strict = catchall === 'never';
      const known = new Set(keys);
      const n = keys.length;
      return (v) => {
        if (!isPlainObject(v)) return false;
        for (let i = 0; i < n; i++) if (!checks[i]!(v[keys[i]!])) return false;
        if (strict) for (const k in v) if (!known.has(k)) return false;
        return true;
      };
    }
    case 'union': {
      const options = (def.options as unknown[]).map(compile);
      return (v) => options.some((o) => o(v));
    }
    default:
      throw new Unsupported(def.type);
  }
}

const cache = new WeakMap<object, Check | null>();

/** Valid under `schema`? Uses the compiled check when the schema is supported, zod otherwise. */
export function passes<T>(schema: z.ZodType<T>, value: unknown): value is T {
  let check = cache.get(schema);
  if (check === undefined) {
    try {
      check = compile(schema);
    } catch (err) {
      if (!(err instanceof Unsupported)) throw err;
      check = null;
    }
    cache.set(schema, check);
  }
  return check ? check(value) : schema.safeParse(value).success;
}

/** For the differential test: whether a schema compiles to the fast path at all. */
export function compiles(schema: z.ZodType): boolean {
  try {
    compile(schema);
    return true;
  } catch (err) {
    if (err instanceof Unsupported) return false;
    throw err;
  }
}
