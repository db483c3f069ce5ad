import { z } from 'zod';
import type { ShopView } from '../inventory-types.ts';
import { password, platformId, returns, safeId, text } from '../spec.ts';

const shopFields = {
  name: z.string().trim().min(1).max(60),
  platformShopId: text(64),
  entityType: z.enum(['individual', 'enterprise']),
  mainLogin: z.string().trim().min(1).max(64),
  phone: text(32),
  email: text(254),
  depositAmount: z.number().min(0).max(100_000_000),
  notes: text(2000),
  crossBorder: z.boolean(),
};

export const shopMethods = {
  'shops.list': {
    request: z.strictObject({ includeArchived: z.boolean() }),
    response: returns<ShopView[]>(),
    whileLocked: false,
  },
  'shops.create': {
    request: z.strictObject({ platform: platformId, ...shopFields, mainPassword: password }),
    response: returns<ShopView>(),
    whileLocked: false,
  },
  'shops.update': {
    request: z.strictObject({
      id: safeId,
      ...Object.fromEntries(Object.entries(shopFields).map(([k, v]) => [k, v.optional()])),
      mainPassword: password.optional(),
    }) as unknown as z.ZodObject<
      { id: typeof safeId; mainPassword: z.ZodOptional<typeof password> } & {
        [K in keyof typeof shopFields]: z.ZodOptional<(typeof shopFields)[K]>;
      }
    >,
    response: returns<ShopView>(),
    whileLocked: false,
  },
  'shops.setArchived': {
    request: z.strictObject({ id: safeId, archived: z.boolean() }),
    response: returns<ShopView>(),
    whileLocked: false,
  },
  'shops.openSellerCenter': {
    request: z.strictObject({ id: safeId }),
    response: returns<{ url: string }>(),
    whileLocked: false,
  },
} as const;
