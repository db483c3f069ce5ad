// 导入导出 (issue #11), Chinese.
export const transferZh = {
  title: '导入导出',
  intro: '把账号带到你信任的其他密码管理器。含密码的导出都要再次输入主密码，并记入审计日志。',
  scope: '范围',
  allShops: '全部店铺',
  masterPassword: '主密码',
  kdbx: {
    title: '导出到 KeePass / KeePassXC（.kdbx）',
    body: 'KDBX 4 格式，AES-256 加密，Argon2id 密钥派生。每个平台、每个店铺一个分组，每个账号一个条目（账号名、密码、卖家中心网址、备注；手机和邮箱为受保护字段）。',
    passwordMode: '文件密码',
    useMaster: '使用主密码',
    useCustom: '单独设置文件密码',
    filePassword: '文件密码（至少 10 个字符）',
    fileConfirm: '再次输入文件密码',
    run: '导出 .kdbx',
    running: '正在加密…',
    done: '已导出 {{count}} 个账号：{{file}}',
  },
  bitwarden: {
    title: '导出到 Bitwarden（.json）',
    warning:
      '这是未加密的文件：拿到它的人能读出所有密码。只在导入 Bitwarden 时使用，导入后立即删除，不要通过微信、邮件或网盘传送。',
    understood: '我已了解此文件不加密',
    understoodRequired: '请先确认你已了解此文件不加密',
    run: '导出 .json',
    running: '正在导出…',
    done: '已导出 {{count}} 个账号：{{file}}（未加密，导入后请删除）',
  },
} as const;
