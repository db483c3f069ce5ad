import { amazon } from './amazon.ts';
import { douyin } from './douyin.ts';
import { PLATFORM_IDS } from './ids.ts';
import { jd } from './jd.ts';
import { pinduoduo } from './pinduoduo.ts';
import { taobao } from './taobao.ts';
import { tmall } from './tmall.ts';
import type { PermissionDef, PlatformId, PlatformSpec } from './types.ts';

export { PLATFORM_IDS };

export const PLATFORMS: Record<PlatformId, PlatformSpec> = { taobao, tmall, jd, pinduoduo, douyin, amazon };

export function platform(id: PlatformId): PlatformSpec {
  return PLATFORMS[id];
}

export function permissionById(p: PlatformSpec, id: string): PermissionDef | undefined {
  return p.permissions.find((x) => x.id === id);
}

export function isPlatformId(v: unknown): v is PlatformId {
  return typeof v === 'string' && (PLATFORM_IDS as readonly string[]).includes(v);
}

export type { PermissionDef, PlatformId, PlatformSpec } from './types.ts';
