import { z } from 'zod';
import { PLATFORM_IDS } from '../domain/platforms/ids.ts';

/** A phantom marker carrying a response type; it has no runtime meaning. */
export const returns = <T>() => undefined as unknown as T;

/** Identifiers we generate ourselves: no path separators, no dots, so they are also safe file names. */
export const safeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const empty = z.strictObject({});
export const password = z.string().min(1).max(1024);
export const text = (max: number) => z.string().max(max);
export const platformId = z.enum(PLATFORM_IDS);
export const permissionIds = z.array(z.string().regex(/^[a-z][a-z0-9.:_-]{0,63}$/)).max(200);
