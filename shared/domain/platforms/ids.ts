// The platforms, written once. Their type, the catalog's order and every zod enum derive from this list.
export const PLATFORM_IDS = ['taobao', 'tmall', 'jd', 'pinduoduo', 'douyin', 'amazon'] as const;

export type PlatformId = (typeof PLATFORM_IDS)[number];
