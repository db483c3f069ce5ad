// What the sync state tells the user when it refuses something or cannot go on, in both languages. Every
// refusal is kept (the newest 200) so a tampered or rolled-back folder is not a message that flashed once.

export type ReportCode =
  | 'tampered'
  | 'incomplete'
  | 'not-entitled'
  | 'id-reused'
  | 'set-aside'
  | 'own-repaired'
  | 'cases-merged'
  | 'removed-author'
  | 'rollback'
  | 'gap'
  | 'forged-stamp'
  | 'keyring-refused'
  | 'team-refused'
  | 'outbox-torn'
  | 'withdrawn-shop'
  | 'withdrawn-main'
  | 'withdrawn-private'
  | 'own-restored'
  | 'rule-refused'
  | 'record-unusable';

export interface SyncReport {
  readonly code: ReportCode;
  readonly at: number;
  /** The remote file concerned, when there is one. */
  readonly file?: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * `detail` says what was refused, in both languages (a not-entitled change: which record and why). It is part
 * of the report's text, so two different refusals in one file are two reports.
 */
export function report(
  code: ReportCode,
  at: number,
  who: string,
  file?: string,
  detail?: { zh: string; en: string },
): SyncReport {
  const dz = detail ? `：${detail.zh}` : '';
  const de = detail ? `: ${detail.en}` : '';
  const texts: Record<ReportCode, [string, string]> = {
    tampered: [
      `同步文件 ${file ?? ''}（${who}）签名或加密校验失败，可能被篡改或损坏，已拒绝；本地数据未改动。`,
      `Sync file ${file ?? ''} (${who}) failed its signature or encryption check — altered or damaged — and was refused; local data is unchanged.`,
    ],
    incomplete: [
      `同步文件 ${file ?? ''}（${who}）不完整（上传中或上传被中断），暂不使用，下次同步再取。`,
      `Sync file ${file ?? ''} (${who}) is incomplete (still uploading, or an upload was cut off); not used, fetched again at the next sync.`,
    ],
    'not-entitled': [
      `${who} 写入了无权写入的数据（${file ?? ''}）${dz}。已拒绝，未应用；其它更改照常同步。`,
      `${who} wrote data they are not entitled to (${file ?? ''})${de}. Refused and not applied; their other changes sync as usual.`,
    ],
    'id-reused': [
      `${who} 的更改使用了另一店铺中已有记录的编号（${file ?? ''}）${dz}。一条记录只属于一个店铺，已拒绝。`,
      `A change from ${who} reuses the id of a record that exists in another shop (${file ?? ''})${de}. A record belongs to one shop for life; refused.`,
    ],
    'set-aside': [
      `同步文件 ${file ?? ''}（${who}）未通过校验，可能被篡改或损坏${dz}。已搁置，本地数据未因它改动；其余更改照常读取，该成员下次同步时会重新上传。`,
      `Sync file ${file ?? ''} (${who}) failed its checks — altered or damaged${de}. Set aside, local data unchanged by it; everything else is read as usual, and the member uploads it again at their next sync.`,
    ],
    'cases-merged': [
      `店铺「${who}」有两个进行中的保证金退还案例（两位成员分别新建），已合并为一个：两边的勾选、备注、附件和记录都保留。`,
      `Shop "${who}" had two open deposit-refund cases (opened by two members apart); they were merged into one, keeping both sides' ticks, notes, files and history.`,
    ],
    'own-repaired': [
      `服务器上本机上传的 ${who} 个同步文件丢失或被改动（例如服务器从旧备份恢复），已从本机记录重新上传。`,
      `${who} sync file(s) this computer uploaded were missing or altered on the server (restored from an old copy, say); uploaded again from this computer's journal.`,
    ],
    'removed-author': [
      `已移除的成员 ${who} 在移除后写入的更改（${file ?? ''}）已拒绝。`,
      `Changes written by removed member ${who} after the removal (${file ?? ''}) were refused.`,
    ],
    rollback: [
      `同步文件夹中 ${who} 的数据比本机已见过的旧（${file ?? ''}），可能被回滚或替换为旧版本，已忽略旧数据。`,
      `The sync folder holds older data from ${who} than this computer has already seen (${file ?? ''}): a rollback or an old copy; the old data was ignored.`,
    ],
    gap: [
      `${who} 的同步记录缺少一段（${file ?? ''}），其后的更改照常读取；该成员下次同步时会重新上传缺失部分。`,
      `A part of ${who}'s changes is missing (${file ?? ''}); the changes after it are read as usual, and the member uploads the missing part again at their next sync.`,
    ],
    'forged-stamp': [
      `${who} 的更改带有其他成员的时间戳（${file ?? ''}），已拒绝。`,
      `A change from ${who} carries another member's stamp (${file ?? ''}); refused.`,
    ],
    'keyring-refused': [
      `发给本机的密钥文件 ${file ?? ''} 无法验证（签名、来源或版本不对），已拒绝。`,
      `The key file ${file ?? ''} addressed to this computer could not be verified (signature, sender or version) and was refused.`,
    ],
    'team-refused': [
      `成员名单 ${file ?? ''} 无法验证（不是店主签名，或版本比已见过的旧），已拒绝。`,
      `The member list ${file ?? ''} could not be verified (not signed by the owner, or older than one already seen) and was refused.`,
    ],
    'own-restored': [
      `本机的同步状态比服务器上本机上传过的更改旧（例如从备份恢复了数据）：已从服务器取回本机此后上传的 ${who} 段更改，之后照常同步。请勿同时使用旧电脑。`,
      `This computer's sync state was older than the changes it had uploaded (data restored from a backup, say): the ${who} later upload(s) were fetched back from the server and sync goes on. Do not keep using the old computer as well.`,
    ],
    'withdrawn-shop': [
      `店主收回了店铺「${who}」的授权：本机已删除该店铺及其子账号（含历史版本）；团队中的数据不受影响。`,
      `The owner withdrew your access to shop "${who}": this computer deleted the shop and its sub-accounts (with their old versions); the team's data is unaffected.`,
    ],
    'withdrawn-main': [
      `你已不能查看店铺「${who}」的主账号：本机已删除其主账号密码、手机、邮箱和保证金信息（含历史版本），子账号保留。`,
      `You may no longer see the main account of shop "${who}": this computer deleted its main password, phone, e-mail and deposit details (with their old versions); its sub-accounts stay.`,
    ],
    'withdrawn-private': [
      '你已不能查看保证金退还和账号找回：本机已删除这些记录、收款账户和附件（含历史版本）；团队中的数据不受影响。',
      "You may no longer see deposit refunds and account recovery: this computer deleted those records, refund accounts and attachments (with their old versions); the team's data is unaffected.",
    ],
    'rule-refused': [
      `${who} 同步来的更改不符合平台规则，未写入本机${dz}。本机保留原来的内容；请该成员在表单中改正后再同步。`,
      `A change from ${who} breaks a platform rule and was not written here${de}. This computer keeps what it had; ask them to correct it in the form and sync again.`,
    ],
    'record-unusable': [
      `${who} 同步来的记录无法读取（可能来自更新版本的应用，或数据已损坏），未写入本机${dz}；其它更改照常同步。`,
      `A record from ${who} could not be read (a newer app version, or damaged data) and was not written here${de}; their other changes sync as usual.`,
    ],
    'outbox-torn': [
      '本机待上传队列的最后一条记录未写完（写入时被中断），已跳过；它从未被确认保存。',
      'The last entry of the upload queue on this computer was cut off mid-write and was skipped; it had never been acknowledged.',
    ],
  };
  const [zh, en] = texts[code];
  return { code, at, file, zh, en };
}

export const MAX_REPORTS = 200;
