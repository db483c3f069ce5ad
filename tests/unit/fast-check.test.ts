// The cold-load validator compiled from the zod schemas must give zod's verdict on every document we
// persist, for valid documents and for every kind of damage a path can take.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { shopDocSchema, staffDocSchema, templatesDocSchema } from '../../electron/core/inventory/schemas.ts';
import { settingsDocSchema } from '../../electron/core/settings/settings-schema.ts';
import { compiles, passes } from '../../electron/core/storage/fast-check.ts';
import { vaultDocSchema } from '../../electron/core/vault/vault-schema.ts';
import { buildShops } from '../support/seed.ts';

const NOW = '2026-11-23T01:00:00.000Z';
const samples: Array<[string, z.ZodType, unknown]> = [
  [
    'vault',
    vaultDocSchema,
    {
      version: 1,
      kdf: { algo: 'scrypt', N: 2 ** 15, r: 8, p: 1, salt: 'c2FsdHNhbHRzYWx0c2FsdA==' },
      wrappedKey: 'v1.abcdefghijklmnop',
      deviceKey: null,
      createdAt: NOW,
      failedAttempts: 0,
      lastFailedAt: null,
    },
  ],
  ['settings', settingsDocSchema, { autoLockMinutes: 5, clipboardSeconds: 30, language: 'zh-CN' }],
  ['shop', shopDocSchema, buildShops(1, 3)[0]],
  [
    'staff',
    staffDocSchema,
    {
      people: {
        p1: {
          id: 'p1',
          name: '王',
          position: '客服',
          status: 'active',
          notes: '',
          phoneMasked: '139****9000',
          idHash: null,
          idLast4: null,
          secrets: { phone: 'v1.x' },
          leftAt: null,
          createdAt: NOW,
          updatedAt: NOW,
        },
      },
    },
  ],
  [
    'templates',
    templatesDocSchema,
    {
      custom: {
        t1: {
          id: 't1',
          platform: 'jd',
          name: '夜班',
          permissions: ['jm.chat'],
          nativeRole: null,
          basedOn: null,
          createdAt: NOW,
          updatedAt: NOW,
        },
      },
    },
  ],
];

const BAD_VALUES: unknown[] = [
  null,
  undefined,
  123,
  1.5,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  'str',
  '',
  'x'.repeat(300_000),
  [],
  {},
  true,
  'bad/key',
  2 ** 60,
];

/** Every path in a JSON value, with a setter that returns a mutated deep copy. */
function* mutations(root: unknown): Generator<[string, unknown]> {
  const paths: Array<Array<string | number>> = [];
  const walk = (v: unknown, p: Array<string | number>) => {
    paths.push(p);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], [...p, i]);
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(root, []);
  type Node = Record<string | number, unknown>;
  const get = (copy: unknown, p: Array<string | number>) => p.reduce<unknown>((o, k) => (o as Node)[k], copy);
  const at = (copy: unknown, p: Array<string | number>) => get(copy, p.slice(0, -1)) as Node;
  for (const p of paths) {
    for (const bad of BAD_VALUES) {
      const copy = structuredClone(root);
      if (p.length === 0) {
        yield ['<root>', bad];
        continue;
      }
      const parent = at(copy, p);
      if (bad === undefined && !Array.isArray(parent)) delete parent[p.at(-1)!];
      else parent[p.at(-1)!] = bad;
      yield [`${p.join('.')} = ${String(bad).slice(0, 12)}`, copy];
    }
    const copy = structuredClone(root);
    const target = get(copy, p);
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      (target as Record<string, unknown>).unexpected = 1;
      (target as Record<string, unknown>)['bad key/..'] = 'x';
      yield [`${p.join('.') || '<root>'} + extra keys`, copy];
    }
  }
}

describe('compiled schema check', () => {
  for (const [name, schema, valid] of samples) {
    it(`${name}: compiles, and agrees with zod on the valid document and every mutation`, () => {
      expect(compiles(schema)).toBe(true);
      expect(schema.safeParse(valid).success).toBe(true);
      expect(passes(schema, valid)).toBe(true);
      let checked = 0;
      let rejected = 0;
      for (const [label, doc] of mutations(valid)) {
        const zod = schema.safeParse(doc).success;
        expect(passes(schema, doc), label).toBe(zod);
        checked++;
        if (!zod) rejected++;
      }
      expect(checked).toBeGreaterThan(50);
      expect(rejected).toBeGreaterThan(checked / 3);
    });
  }
});
