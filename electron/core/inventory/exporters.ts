// Exports a person can open in Excel or WPS: .xlsx with identifiers as text cells, or CSV with a BOM.
// Secrets are left out unless the caller re-entered the master password (checked before this runs).

import type { ExportFile, PersonView, SubAccountView } from '../../../shared/contract/inventory-types.ts';
import type { TempAgentView } from '../../../shared/contract/work-types.ts';
import { fileStamp as stamp } from '../../../shared/domain/china-time.ts';
import { permissionById, platform } from '../../../shared/domain/platforms/catalog.ts';
import { writeCsv, writeXlsx } from './tabular.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function build(
  kind: string,
  format: 'xlsx' | 'csv',
  header: string[],
  rows: string[][],
  textColumns: number[],
  now: number,
  secretColumns: number[] = [],
): Promise<ExportFile> {
  const fileName = `${kind}-${stamp(now)}.${format}`;
  const bytes =
    format === 'xlsx'
      ? await writeXlsx(kind, header, rows, textColumns)
      : writeCsv(header, rows, secretColumns);
  return {
    fileName,
    mime: format === 'xlsx' ? XLSX_MIME : 'text/csv',
    contentBase64: bytes.toString('base64'),
    rowCount: rows.length,
  };
}

export function exportSubAccounts(
  subs: SubAccountView[],
  opts: { format: 'xlsx' | 'csv'; now: number; password?: (id: string) => string | null },
): Promise<ExportFile> {
  const header = [
    '店铺',
    '平台',
    '子账号',
    '状态',
    '权限模板',
    '权限',
    '员工',
    '绑定手机',
    '平台操作',
    '创建时间',
  ];
  if (opts.password) header.push('密码');
  const rows = subs.map((s) => {
    const spec = platform(s.platform);
    const row = [
      s.shopName,
      spec.name.zh,
      s.fullName,
      s.status === 'active' ? '启用' : '停用',
      s.templateName ?? '手选',
      s.permissions.map((id) => permissionById(spec, id)?.label.zh ?? id).join('、'),
      s.staffName ?? '',
      s.phoneMasked ?? '',
      s.sync === 'synced' ? '已在平台完成' : '待在平台操作',
      s.createdAt.slice(0, 10),
    ];
    if (opts.password) row.push(opts.password(s.id) ?? '');
    return row;
  });
  // Names, phones and passwords are text: Excel must not turn them into numbers or dates. Internal record
  // ids are not exported: they mean nothing on any platform.
  const secret = opts.password ? [10] : [];
  return build('子账号', opts.format, header, rows, [2, 7, ...secret], opts.now, secret);
}

export function exportStaff(
  people: PersonView[],
  opts: { format: 'xlsx' | 'csv'; now: number },
): Promise<ExportFile> {
  const header = ['姓名', '手机号（掩码）', '岗位', '状态', '身份证后四位', '绑定子账号', '备注'];
  const rows = people.map((p) => [
    p.name,
    p.phoneMasked,
    p.position,
    p.status === 'active' ? '在职' : '离职',
    p.idLast4 ?? '',
    p.bindings.map((b) => `${b.shopName}/${b.fullName}`).join('；'),
    p.notes,
  ]);
  return build('员工', opts.format, header, rows, [1, 4], opts.now);
}

const PHASE_ZH: Record<TempAgentView['phase'], string> = {
  upcoming: '未开始',
  active: '有效',
  ending: '即将结束',
  expired: '已过期',
  retired: '已停用待确认',
  gone: '已在平台处理',
};

/** The temporary agents' roster: names, windows and staff; passwords only when asked for and re-authorised. */
export function exportRoster(
  agents: TempAgentView[],
  opts: { now: number; password?: (id: string) => string | null },
): Promise<ExportFile> {
  const header = ['店铺', '平台', '子账号', '有效期开始', '有效期结束', '状态', '使用人'];
  if (opts.password) header.push('密码');
  const rows = agents.map((a) => {
    const row = [
      a.shopName,
      platform(a.platform).name.zh,
      a.fullName,
      a.window.start,
      a.window.end,
      PHASE_ZH[a.phase],
      a.staffName ?? '',
    ];
    if (opts.password) row.push(opts.password(a.id) ?? '');
    return row;
  });
  // Dates as text: Excel keeps 2026-11-01 as typed; names and passwords must never become numbers.
  const secret = opts.password ? [7] : [];
  return build('临时客服', 'xlsx', header, rows, [2, 3, 4, ...secret], opts.now, secret);
}
