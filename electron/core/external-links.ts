// Opening a URL in the user's browser is the only way out of the app, and only to https sites we know:
// seller centers of the platforms we support. Anything else is refused.
export const EXTERNAL_HOST_ALLOW_LIST = [
  'myseller.taobao.com',
  'login.taobao.com',
  'seller.tmall.com',
  'shop.jd.com',
  'passport.shop.jd.com',
  'mms.pinduoduo.com',
  'fxg.jinritemai.com',
  'sellercentral.amazon.com',
  'sellercentral.amazon.co.jp',
  'sellercentral-europe.amazon.com',
  'gs.amazon.cn',
] as const;

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return (EXTERNAL_HOST_ALLOW_LIST as readonly string[]).includes(url.hostname);
}

export async function openExternalSafely(
  shell: { openExternal(url: string): Promise<void> },
  raw: string,
): Promise<boolean> {
  if (!isAllowedExternalUrl(raw)) return false;
  await shell.openExternal(new URL(raw).toString());
  return true;
}
