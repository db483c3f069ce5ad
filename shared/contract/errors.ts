// Error codes cross every process boundary as data; each has a Chinese and an English message so the
// renderer can show the user's language without the core knowing which one is active.
import type { InventoryChanges } from './changes.ts';

export const errorMessages = {
  VALIDATION_FAILED: {
    zh: '输入内容有误，请检查标出的字段。',
    en: 'Some fields are invalid; check the marked fields.',
  },
  UNKNOWN_METHOD: { zh: '未知的请求。', en: 'Unknown request.' },
  FORBIDDEN_SENDER: {
    zh: '请求来源不可信，已拒绝。',
    en: 'The request came from an untrusted sender and was refused.',
  },
  VAULT_NOT_INITIALIZED: { zh: '尚未设置主密码。', en: 'No master password has been set yet.' },
  VAULT_ALREADY_INITIALIZED: { zh: '主密码已设置，不能重复初始化。', en: 'The vault is already set up.' },
  VAULT_LOCKED: { zh: '保险库已锁定，请先解锁。', en: 'The vault is locked; unlock it first.' },
  WRONG_PASSWORD: { zh: '主密码不正确。', en: 'The master password is incorrect.' },
  THROTTLED: { zh: '尝试次数过多，请稍后再试。', en: 'Too many attempts; wait before trying again.' },
  PASSWORD_TOO_SHORT: {
    zh: '主密码至少需要 10 个字符。',
    en: 'The master password needs at least 10 characters.',
  },
  PASSWORD_MISMATCH: { zh: '两次输入的密码不一致。', en: 'The two passwords do not match.' },
  PASSWORD_UNCHANGED: {
    zh: '新密码不能与当前密码相同。',
    en: 'The new password must differ from the current one.',
  },
  DEVICE_PROTECTION_UNAVAILABLE: {
    zh: '本设备没有可用的系统加密（或仅为明文后端），不能记住主密码。',
    en: 'This device has no usable OS encryption (or only a plain-text backend), so the key cannot be remembered.',
  },
  DEVICE_UNLOCK_UNAVAILABLE: {
    zh: '本次无法使用本设备解锁，请输入主密码。',
    en: 'Device unlock is not available now; enter the master password.',
  },
  NOT_FOUND: { zh: '找不到该记录。', en: 'The record was not found.' },
  CLIPBOARD_UNAVAILABLE: { zh: '无法访问系统剪贴板。', en: 'The system clipboard is not available.' },
  STORAGE_UNRECOVERABLE: {
    zh: '数据文件损坏且没有可用的备份，已停止以免覆盖数据。',
    en: 'A data file is damaged and no good backup exists; stopped so nothing is overwritten.',
  },
  STORAGE_WRITE_FAILED: { zh: '保存失败，数据未更改。', en: 'Saving failed; nothing was changed.' },
  EXPORT_CSV_UNSAFE_SECRET: {
    zh: '有密码以 = + - @ 开头，CSV 会让 Excel/WPS 把它当作公式；为保证导出的密码与保存的完全一致，请改用 .xlsx 导出。',
    en: 'Some passwords start with = + - or @, which Excel/WPS would run as a formula from a CSV; to keep every exported password exactly as stored, export as .xlsx instead.',
  },
  BACKUP_NOT_A_BACKUP: {
    zh: '这不是店务管家的备份文件，未做任何更改。',
    en: 'This is not a Shopwarden backup file; nothing was changed.',
  },
  BACKUP_NEWER_FORMAT: {
    zh: '这个备份来自更新版本的店务管家，请先升级本应用再恢复。未做任何更改。',
    en: 'This backup was made by a newer Shopwarden; update the app before restoring it. Nothing was changed.',
  },
  BACKUP_WRONG_PASSWORD: {
    zh: '密码或恢复密钥不正确：这个备份只能用它生成时的主密码、应急恢复包或自定义备份密码打开。未做任何更改。',
    en: 'Wrong password or recovery key: this backup opens only with the master password of the day it was made, the recovery kit or the custom backup password. Nothing was changed.',
  },
  BACKUP_DAMAGED: {
    zh: '备份文件已损坏或不完整（校验失败），不能使用。未做任何更改，请换一个备份文件。',
    en: 'The backup file is damaged or incomplete (its check failed) and cannot be used. Nothing was changed; choose another backup.',
  },
  BACKUP_NOT_CONFIGURED: {
    zh: '还没有设置备份文件夹和备份密码。',
    en: 'No backup folder and password are set yet.',
  },
  BACKUP_FOLDER_UNAVAILABLE: {
    zh: '备份文件夹不存在或无法写入（U 盘或网络盘是否已连接？）。',
    en: 'The backup folder does not exist or cannot be written (is the USB disk or network share connected?).',
  },
  BACKUP_SAFETY_FAILED: {
    zh: '无法先做一份安全备份（磁盘已满或无法写入？），为保护现有数据，本次操作没有进行，未做任何更改。',
    en: 'A safety backup could not be made first (disk full or not writable?); to protect the current data the operation did not run. Nothing was changed.',
  },
  BACKUP_NEEDS_UNLOCK: {
    zh: '本机还没有备份密钥：请先解锁一次，之后锁定时也能自动备份。',
    en: 'This computer has no backup key yet: unlock once, and backups can then run while locked too.',
  },
  RESTORE_NOT_CONFIRMED: {
    zh: '恢复会替换当前全部数据，请先查看对比并确认。未做任何更改。',
    en: 'Restoring replaces all current data; review the comparison and confirm first. Nothing was changed.',
  },
  RESTORE_NEEDS_UNLOCK: {
    zh: '已有数据时，需要先解锁才能从备份恢复。',
    en: 'Unlock first: restoring replaces existing data.',
  },
  RECOVERY_KEY_WRONG: {
    zh: '恢复密钥不正确，或本保险库没有设置应急恢复包。',
    en: 'The recovery key is incorrect, or this vault has no recovery kit.',
  },
  DISK_FULL: {
    zh: '磁盘空间已满，未能保存，数据未更改。请腾出空间后重试。',
    en: 'The disk is full; nothing was saved or changed. Free some space and try again.',
  },
  IO_ERROR: {
    zh: '磁盘读写出错，未能保存，数据未更改。请检查磁盘后重试。',
    en: 'A disk I/O error occurred; nothing was saved or changed. Check the disk and try again.',
  },
  INTERNAL: { zh: '发生内部错误。', en: 'An internal error occurred.' },
  NAME_TAKEN: { zh: '该子账号名已被使用，请换一个。', en: 'That sub-account name is taken; choose another.' },
  NAME_IMMUTABLE: {
    zh: '该平台不允许修改子账号名。',
    en: 'This platform does not allow renaming a sub-account.',
  },
  HIGH_RISK_CONFIRMATION_REQUIRED: {
    zh: '此操作会授予高风险权限，需要确认。',
    en: 'This grants high-risk permissions and needs confirmation.',
  },
  STAFF_ALREADY_BOUND: {
    zh: '此员工在该店铺已绑定另一个子账号（一人一号）。',
    en: 'This person is already bound to another sub-account in this shop (one person, one account).',
  },
  STAFF_LEFT: { zh: '该员工已离职，不能绑定。', en: 'This person has left and cannot be bound.' },
  ID_ALREADY_REGISTERED: {
    zh: '该身份证号已登记为另一名员工。',
    en: 'This ID number is already registered to another person.',
  },
  PHONE_IN_USE: {
    zh: '该手机号已被本店另一个子账号使用。',
    en: 'This phone number is already used by another sub-account of this shop.',
  },
  HOLDER_LIMIT_REACHED: {
    zh: '该权限在本店可授予的子账号数已达上限。',
    en: 'This permission is already held by the maximum number of sub-accounts in this shop.',
  },
  PLATFORM_MISMATCH: { zh: '模板与店铺所属平台不一致。', en: 'The template belongs to another platform.' },
  SHOP_ARCHIVED: { zh: '店铺已归档，请先恢复。', en: 'The shop is archived; restore it first.' },
  BUILTIN_READ_ONLY: {
    zh: '内置模板不能修改或删除，可复制后修改。',
    en: 'Built-in templates cannot be changed; clone one instead.',
  },
  IMPORT_EXPIRED: {
    zh: '导入预览已过期，请重新选择文件。',
    en: 'The import preview expired; choose the file again.',
  },
  IMPORT_HAS_ERRORS: {
    zh: '有错误的行未导入。请修正文件，或明确选择跳过错误行。',
    en: 'Rows with errors were not imported. Fix the file, or choose to skip invalid rows.',
  },
  FILE_ARCHIVE_REFUSED: {
    zh: '该 .xlsx 文件结构异常（条目过多、解压后过大或压缩比异常，可能是“压缩炸弹”），已拒绝读取，未做任何更改。',
    en: 'This .xlsx file is abnormal (too many entries, too large when unpacked, or an extreme compression ratio, as in a zip bomb); it was refused and nothing changed.',
  },
  FILE_UNREADABLE: {
    zh: '无法读取该文件（支持 .xlsx 和 .csv）。',
    en: 'The file cannot be read (.xlsx and .csv are supported).',
  },
  VERIFICATION_NOT_ALLOWED: {
    zh: '当前认证状态下不能执行该操作。',
    en: 'That action is not possible in the current verification state.',
  },
  VERIFICATION_NOT_REQUIRED: {
    zh: '该子账号无需实人认证。',
    en: 'This sub-account needs no real-name verification.',
  },
  NOT_TEMPORARY: { zh: '只能对临时客服执行此操作。', en: 'Only temporary agents can be handled here.' },
  NOT_RETIRED: {
    zh: '请先停用或删除这些临时客服。',
    en: 'Retire these temporary agents first.',
  },
  REGISTRATION_NOT_OPEN: { zh: '没有进行中的登记。', en: 'No registration session is open.' },
  REGISTRATION_ADDRESS_UNAVAILABLE: {
    zh: '无法在该网络地址上开启登记服务，请换一个网卡。',
    en: 'The registration server cannot listen on that address; choose another network interface.',
  },
  CASE_EXISTS: {
    zh: '该店铺已有进行中的保证金退还，请继续处理它。',
    en: 'This shop already has an open deposit-refund case; continue that one.',
  },
  CASE_NOT_READY: { zh: '还不能提交：', en: 'Not ready to submit: ' },
  CASE_ACTION_NOT_ALLOWED: {
    zh: '当前状态下不能执行该操作。',
    en: 'That step is not possible in the current state.',
  },
  ACCOUNT_NOT_ALLOWED: {
    zh: '企业店铺的保证金只能退到对公账户。',
    en: "An enterprise shop's deposit can be refunded only to its corporate account.",
  },
  DRAFT_INCOMPLETE: { zh: '草稿还不完整：', en: 'The draft is not complete: ' },
  FILE_TOO_LARGE: { zh: '文件过大（最大 6 MB）。', en: 'The file is too large (6 MB at most).' },
  ATTACHMENT_NOT_HERE: {
    zh: '这个附件还不在本电脑上：它由团队中另一台电脑添加，同步后才能打开（若同步状态显示它被拒绝，请让添加者重新附上）。',
    en: 'This file is not on this computer yet: another computer of the team attached it, and it opens once synced (if the sync state says it was refused, ask whoever attached it to attach it again).',
  },
  IMPORT_FILE_TOO_LARGE: {
    zh: '文件过大（最大 6 MB），未读取，未做任何更改。10,000 个账号的表格或数据库通常只有 1-2 MB。',
    en: 'The file is too large (6 MB at most); it was not read and nothing changed. A sheet or database of 10,000 accounts is usually 1-2 MB.',
  },
  IMPORT_WRONG_KIND: {
    zh: '无法识别该文件。支持：Excel（.xlsx）、CSV、Bitwarden（.json/.csv）、1Password（.csv）、KeePass（.kdbx/.xml）、Chrome/Edge/Firefox 导出的密码 .csv。未做任何更改。',
    en: 'This file is not one we can read. Supported: Excel (.xlsx), CSV, Bitwarden (.json/.csv), 1Password (.csv), KeePass (.kdbx/.xml), Chrome/Edge/Firefox password .csv. Nothing changed.',
  },
  IMPORT_WRONG_PASSWORD: {
    zh: 'KeePass 数据库密码不正确、该数据库还需要密钥文件，或文件已损坏。未做任何更改。',
    en: 'The KeePass database password is wrong, the database also needs a key file, or the file is damaged. Nothing changed.',
  },
  IMPORT_KDF_TOO_COSTLY: {
    zh: '该 KeePass 文件要求的密钥派生超出上限（Argon2 内存超过 1 GiB、内存×轮数超过 16 GiB，或 AES 轮数超过 2 亿），可能是恶意文件，已拒绝打开。可在 KeePassXC 中降低“解密时间”后再导入。',
    en: 'This KeePass file asks for more key derivation than allowed (Argon2 memory over 1 GiB, memory × passes over 16 GiB, or over 200 million AES rounds), as a hostile file would; it was refused. Lower its decryption time in KeePassXC and import again.',
  },
  IMPORT_XML_DTD_REFUSED: {
    zh: '该 XML 文件带有 DTD 或实体声明（可用于“实体膨胀”攻击），为安全起见拒绝读取，未做任何更改。',
    en: 'This XML file carries a DTD or entity declarations (usable for entity-expansion attacks); it was refused and nothing changed.',
  },
  IMPORT_INTERRUPTED: {
    zh: '导入已完整保存，但写入店铺文件时出错（例如磁盘已满）。腾出空间后重新打开应用，导入会自动补完，不会丢失也不会只导入一半。',
    en: 'The import was saved in full, but writing the shop files failed (a full disk, say). Free some space and reopen the app: the import is completed then, never lost or left half done.',
  },
  IMPORT_ENCRYPTED_EXPORT: {
    zh: '这是 Bitwarden 的加密导出，无法读取。请在 Bitwarden 中选择“.json”或“.csv”（未加密）格式重新导出。',
    en: "This is Bitwarden's encrypted export, which cannot be read. Export again from Bitwarden as .json or .csv (unencrypted).",
  },
  SYNC_NOT_ALLOWED: {
    zh: '只有店主（或管理员）可以做这项团队操作。',
    en: 'Only the owner (or an admin) can do this team operation.',
  },
  SYNC_NOT_SET_UP: { zh: '尚未连接团队同步。', en: 'Team sync is not set up yet.' },
  SYNC_ALREADY_SET_UP: {
    zh: '这个保险库已经属于一个团队。',
    en: 'This vault already belongs to a team.',
  },
  SYNC_INVITE_INVALID: {
    zh: '邀请码无效（可能输错了），请核对后重试。',
    en: 'This is not a valid invite code (a typo?); check it and try again.',
  },
  SYNC_INVITE_EXPIRED: {
    zh: '邀请已过期或已被使用，请让店主重新生成邀请。',
    en: 'The invite has expired or was used; ask the owner for a new one.',
  },
  SYNC_TEAM_NOT_FOUND: {
    zh: '同步位置里没有与此邀请对应的团队，请检查地址和文件夹。',
    en: 'The sync location holds no team matching this invite; check the address and folder.',
  },
  SYNC_ADDRESS_REFUSED: {
    zh: '同步地址不可用：请使用 https 地址（仅本机或局域网地址可以用 http），且不要把用户名密码写在地址里。',
    en: 'This sync address cannot be used: use https (plain http only on this computer or the local network), without a user name or password in the address.',
  },
  SYNC_JOIN_NEEDS_EMPTY_VAULT: {
    zh: '加入团队需要一个空的保险库（还没有店铺）：团队的数据会从同步位置下载。',
    en: 'Joining a team needs an empty vault (no shops yet): the team’s data is downloaded from the sync location.',
  },
  SYNC_INVITE_TEXT_INVALID: {
    zh: '没有在粘贴的内容里找到店务管家邀请。请把店主发来的整段文字全部复制粘贴（或打开邀请文件）。',
    en: 'No Shopwarden invite was found in what was pasted. Copy and paste the whole message from the owner (or open the invite file).',
  },
  SYNC_INVITE_CODE_WRONG: {
    zh: '16 位数字不对，邀请打不开。请向店主核对（电话或当面），数字不要通过聊天发送。',
    en: 'The 16 digits are wrong, so the invite does not open. Check them with the owner (by phone or in person); the digits are never sent in a chat.',
  },
  SYNC_INVITE_NEEDS_LOGIN: {
    zh: '这个邀请没有包含同步服务器的登录信息：请向店主要 WebDAV 用户名和应用密码后填写。',
    en: 'This invite does not include the sync server login: ask the owner for the WebDAV user name and app password and fill them in.',
  },
  SYNC_AUTH_FAILED: {
    zh: '同步服务器拒绝了用户名或密码。坚果云请使用“第三方应用密码”（账户信息 → 安全选项），不是登录密码。',
    en: 'The sync server refused the user name or password. For 坚果云 use an app password (Account → Security), not the login password.',
  },
  SYNC_FOLDER_NOT_FOUND: {
    zh: '同步服务器上没有这个文件夹，请核对地址和文件夹名。',
    en: 'That folder does not exist on the sync server; check the address and the folder name.',
  },
  SYNC_TLS_FAILED: {
    zh: '同步服务器的 https 证书无法验证（过期、自签名或与地址不符），为安全起见没有连接。',
    en: "The sync server's https certificate could not be verified (expired, self-signed or for another address); not connected, for safety.",
  },
  SYNC_OFFLINE: {
    zh: '连不上同步服务器：请检查网络，或地址是否写错。',
    en: 'The sync server cannot be reached: check the network, or whether the address is right.',
  },
  SYNC_THROTTLED: {
    zh: '同步服务器暂时限制了请求次数（坚果云：BlockedTemporarily），请过几分钟再试；本机数据不受影响。',
    en: 'The sync server is limiting requests for now (坚果云: BlockedTemporarily); try again in a few minutes. Nothing on this computer is affected.',
  },
  SYNC_TARGET_FAILED: {
    zh: '连不上同步位置或没有写入权限，未做任何更改。',
    en: 'The sync location could not be reached or written; nothing was changed.',
  },
  SYNC_SCOPE_FORBIDDEN: {
    zh: '您的角色无权查看或修改这项数据。',
    en: 'Your role is not entitled to see or change this data.',
  },
  RECORD_IN_OTHER_SHOP: {
    zh: '这条记录已属于另一个店铺，不能移到这里或在这里重复使用它的编号；未做任何更改。',
    en: 'This record already belongs to another shop; it cannot be moved here or its id reused. Nothing was changed.',
  },
  PDF_UNAVAILABLE: {
    zh: '此环境不能直接保存 PDF，请用打印对话框另存为 PDF。',
    en: 'PDF saving is not available here; use the print dialog and save as PDF.',
  },
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** Field-level problems: the field path joined by dots, and a code the renderer translates. */
export type FieldErrors = Record<string, FieldErrorCode>;

export const fieldErrorMessages = {
  required: { zh: '必填', en: 'Required' },
  invalid_type: { zh: '类型不正确', en: 'Wrong type' },
  too_long: { zh: '内容过长', en: 'Too long' },
  too_short: { zh: '内容过短', en: 'Too short' },
  too_big: { zh: '数值过大', en: 'Too large' },
  too_small: { zh: '数值过小', en: 'Too small' },
  unknown_field: { zh: '不允许的字段', en: 'Field not allowed' },
  invalid_value: { zh: '取值不允许', en: 'Value not allowed' },
  invalid_format: { zh: '格式不正确', en: 'Invalid format' },
  password_too_short: { zh: '至少 10 个字符', en: 'At least 10 characters' },
  password_mismatch: { zh: '两次输入不一致', en: 'Does not match' },
  password_unchanged: { zh: '不能与当前密码相同', en: 'Must differ from the current password' },
  wrong_password: { zh: '密码不正确', en: 'Incorrect password' },
  invalid: { zh: '无效', en: 'Invalid' },
  invalid_mobile: { zh: '请输入有效的中国大陆手机号', en: 'Enter a valid mainland China mobile number' },
  invalid_email: { zh: '请输入有效的邮箱', en: 'Enter a valid e-mail address' },
  invalid_id_number: {
    zh: '身份证号无效（校验位或出生日期不正确）',
    en: 'Invalid ID number (check digit or birth date)',
  },
  name_taken: { zh: '名称已被使用', en: 'Name already taken' },
  name_bad_chars: { zh: '含有不允许的字符', en: 'Contains characters not allowed' },
  name_too_long: {
    zh: '超过平台长度限制（中文按 2 个字符计）',
    en: 'Too long for the platform (CJK counts as 2)',
  },
  name_all_digits: { zh: '不能全是数字', en: 'Cannot be all digits' },
  name_empty: { zh: '请输入名称', en: 'Enter a name' },
  password_needs_upper: { zh: '需要包含大写字母', en: 'Needs an upper-case letter' },
  password_needs_lower: { zh: '需要包含小写字母', en: 'Needs a lower-case letter' },
  password_needs_digit: { zh: '需要包含数字', en: 'Needs a digit' },
  password_too_long: { zh: '密码过长', en: 'Password too long' },
  password_too_short_platform: { zh: '短于平台最低长度', en: 'Shorter than the platform minimum' },
  unknown_template: { zh: '模板不存在', en: 'No such template' },
  unknown_staff: { zh: '员工不存在', en: 'No such person' },
  no_placeholder: {
    zh: '请加入序号占位符，如 {01}',
    en: 'Add a sequence placeholder such as {01}',
  },
  many_placeholders: { zh: '只能有一个序号占位符', en: 'Use only one sequence placeholder' },
  bad_count: { zh: '数量须为 1-200', en: 'Count must be 1-200' },
  invalid_date: { zh: '日期无效', en: 'Invalid date' },
  future_date: { zh: '日期不能晚于今天（北京时间）', en: 'The date cannot be after today (Beijing time)' },
  end_before_start: { zh: '结束日期早于开始日期', en: 'Ends before it starts' },
  too_long_window: { zh: '有效期不能超过一年', en: 'A window cannot exceed a year' },
  consent_required: { zh: '请阅读并同意信息使用说明', en: 'Please read and accept how the data is used' },
} as const;

export type FieldErrorCode = keyof typeof fieldErrorMessages;

export interface WireError {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
  /** Extra machine-readable facts, e.g. how long a throttle lasts. Never a secret. */
  details?: Record<string, string | number | boolean>;
}

/** `changes`: what the call changed in the inventory, so the renderer patches instead of reloading. */
export type WireResult<T> =
  | { ok: true; value: T; changes?: InventoryChanges }
  | { ok: false; error: WireError; changes?: InventoryChanges };

/** The one error type the core throws for expected refusals; anything else is INTERNAL. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly details?: Record<string, string | number | boolean>;

  constructor(
    code: ErrorCode,
    opts: {
      fields?: FieldErrors;
      details?: Record<string, string | number | boolean>;
      message?: string;
    } = {},
  ) {
    super(opts.message ?? errorMessages[code].en);
    this.name = 'AppError';
    this.code = code;
    if (opts.fields) this.fields = opts.fields;
    if (opts.details) this.details = opts.details;
  }

  toWire(): WireError {
    const wire: WireError = { code: this.code, message: this.message };
    if (this.fields) wire.fields = this.fields;
    if (this.details) wire.details = this.details;
    return wire;
  }

  static fromWire(wire: WireError): AppError {
    const opts: {
      fields?: FieldErrors;
      details?: Record<string, string | number | boolean>;
      message: string;
    } = {
      message: wire.message,
    };
    if (wire.fields) opts.fields = wire.fields;
    if (wire.details) opts.details = wire.details;
    return new AppError(isErrorCode(wire.code) ? wire.code : 'INTERNAL', opts);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorMessages, value);
}

export function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && Object.hasOwn(fieldErrorMessages, value);
}
