// Request payloads the tests send again and again, written once.

/** A Taobao shop whose main login equals its name (so full sub-account names are `名称:昵称`). */
export const taobaoShop = (name = '旗舰店', over: Record<string, unknown> = {}) => ({
  platform: 'taobao',
  name,
  platformShopId: '',
  entityType: 'enterprise',
  mainLogin: name,
  phone: '',
  email: '',
  depositAmount: 0,
  notes: '',
  crossBorder: false,
  mainPassword: 'Main-Pass-123',
  ...over,
});

/** A sub-account with a generated password and no template, person or phone. */
export const generatedSub = (shopId: string, nickname: string) => ({
  shopId,
  nickname,
  generate: true,
  templateId: null,
  permissions: [],
  nativeRole: null,
  staffId: null,
  phone: '',
  confirmHighRisk: false,
});

/** A sub-account with a typed password (twice), no template, person or phone. */
export const typedSub = (shopId: string, nickname: string, password: string) => ({
  ...generatedSub(shopId, nickname),
  generate: false,
  password,
  confirm: password,
});
