// The single entry every transport (IPC, HTTP, direct tests) goes through: method name checked against
// the contract, payload validated by its zod schema, lock state enforced, errors turned into data.
import type { z } from 'zod';
import {
  AppError,
  type FieldErrorCode,
  type FieldErrors,
  type WireResult,
} from '../../shared/contract/errors.ts';
import {
  contract,
  isMethodName,
  type MethodName,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../shared/contract/methods.ts';

export type Handlers = {
  [M in MethodName]: (req: ParsedRequestOf<M>) => Promise<ResponseOf<M>> | ResponseOf<M>;
};

export interface DispatchHooks {
  isUnlocked(): boolean;
  /** Every accepted call counts as user activity for auto-lock. */
  onActivity(method: MethodName): void;
  onInternalError?(method: string, err: unknown): void;
  /** Refuses a call the current member's role may not make (throws an AppError), before anything runs. */
  authorize?(method: MethodName): void;
}

export type Dispatch = (method: unknown, payload: unknown) => Promise<WireResult<unknown>>;

export function createDispatch(handlers: Handlers, hooks: DispatchHooks): Dispatch {
  return async (method, payload) => {
    if (!isMethodName(method)) return fail(new AppError('UNKNOWN_METHOD'));
    if (!isPlainObject(payload)) {
      return fail(new AppError('VALIDATION_FAILED', { fields: { '': 'invalid_type' } }));
    }
    const spec = contract[method];
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success)
      return fail(new AppError('VALIDATION_FAILED', { fields: fieldErrors(parsed.error, payload) }));
    if (!spec.whileLocked && !hooks.isUnlocked()) return fail(new AppError('VAULT_LOCKED'));
    hooks.onActivity(method);
    try {
      hooks.authorize?.(method);
      const handler = handlers[method] as (req: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: value ?? null };
    } catch (err) {
      if (err instanceof AppError) return fail(err);
      hooks.onInternalError?.(method, err);
      return fail(new AppError('INTERNAL'));
    }
  };
}

function fail(err: AppError): WireResult<never> {
  return { ok: false, error: err.toWire() };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function fieldErrors(error: z.ZodError, payload: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out[[...issue.path, key].join('.')] = 'unknown_field';
      continue;
    }
    const key = issue.path.join('.');
    if (out[key]) continue;
    out[key] = codeFor(issue, valueAt(payload, issue.path));
  }
  return out;
}

/** zod 4 does not report the input by default, so whether a field was missing is read off the payload. */
function valueAt(payload: unknown, at: PropertyKey[]): unknown {
  let v: unknown = payload;
  for (const k of at) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function codeFor(issue: z.core.$ZodIssue, value: unknown): FieldErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'required' : 'invalid_type';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'too_big';
    case 'too_small':
      return issue.origin === 'string' ? 'too_short' : 'too_small';
    case 'invalid_value':
      return 'invalid_value';
    case 'invalid_format':
      return 'invalid_format';
    default:
      return 'invalid';
  }
}
