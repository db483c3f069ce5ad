// The sheet a seller fills in when their accounts are not in any tool yet: the headers the importer
// recognises, and two example rows (a shop, and one of its sub-accounts) that import cleanly.
import type { ExportFile } from '../../../../shared/contract/inventory-types.ts';
import { writeXlsx } from '../../inventory/tabular.ts';

const HEADER = ['店铺名称', '平台', '主账号', '子账号', '密码', '手机号', '邮箱', '岗位', '员工', '备注'];
const EXAMPLE = [
  [
    '示例旗舰店',
    '淘宝',
    'example_shop',
    '',
    'Main-Example-2026',
    '13800138000',
    'boss@example.cn',
    '',
    '',
    '主账号一行：子账号一栏留空',
  ],
  [
    '示例旗舰店',
    '淘宝',
    'example_shop',
    '售前小王',
    'Sub-Example-2026',
    '',
    '',
    '售前客服',
    '',
    '子账号一行：岗位写权限模板名称',
  ],
];

export async function importTemplate(): Promise<ExportFile> {
  const bytes = await writeXlsx(
    '账号导入',
    HEADER,
    EXAMPLE,
    HEADER.map((_, i) => i),
  );
  return {
    fileName: '店务管家-账号导入模板.xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: bytes.toString('base64'),
    rowCount: EXAMPLE.length,
  };
}
