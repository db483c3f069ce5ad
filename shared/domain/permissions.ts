// Risk summaries, template comparison and the "apply on the platform" checklist. No platform API is
// called: the checklist tells the person exactly what to click, and they confirm when done.
import { permissionById, platform } from './platforms/catalog.ts';
import type { PlatformId, Risk, Text } from './platforms/types.ts';

const RISK_ORDER: Record<Risk, number> = { low: 0, medium: 1, high: 2 };

export interface RiskSummary {
  level: Risk;
  high: string[];
  counts: Record<Risk, number>;
}

export function riskSummary(platformId: PlatformId, ids: readonly string[]): RiskSummary {
  const spec = platform(platformId);
  const counts: Record<Risk, number> = { low: 0, medium: 0, high: 0 };
  const high: string[] = [];
  let level: Risk = 'low';
  for (const id of ids) {
    const p = permissionById(spec, id);
    if (!p) continue;
    counts[p.risk]++;
    if (p.risk === 'high') high.push(id);
    if (RISK_ORDER[p.risk] > RISK_ORDER[level]) level = p.risk;
  }
  return { level, high, counts };
}

export interface PermissionDiff {
  added: string[];
  removed: string[];
  riskBefore: Risk;
  riskAfter: Risk;
  /** High-risk permissions the change grants that were not held before. */
  newlyHighRisk: string[];
}

export function diffPermissions(
  platformId: PlatformId,
  before: readonly string[],
  after: readonly string[],
): PermissionDiff {
  const b = new Set(before);
  const a = new Set(after);
  const added = [...a].filter((x) => !b.has(x)).sort();
  const removed = [...b].filter((x) => !a.has(x)).sort();
  const spec = platform(platformId);
  return {
    added,
    removed,
    riskBefore: riskSummary(platformId, before).level,
    riskAfter: riskSummary(platformId, after).level,
    newlyHighRisk: added.filter((id) => permissionById(spec, id)?.risk === 'high'),
  };
}

export interface ChecklistStep {
  text: Text;
}

const label = (platformId: PlatformId, id: string): Text =>
  permissionById(platform(platformId), id)?.label ?? { zh: id, en: id };
const join = (items: Text[]): Text => ({
  zh: items.map((i) => i.zh).join('、'),
  en: items.map((i) => i.en).join(', '),
});

/**
 * Steps to make the platform match what the app holds for one sub-account. With `applied` (what was last
 * confirmed on the platform) only the difference is listed.
 */
export function applyChecklist(opts: {
  platformId: PlatformId;
  fullName: string;
  permissions: readonly string[];
  nativeRole?: string | undefined;
  applied?: readonly string[] | null;
  isNew: boolean;
}): ChecklistStep[] {
  const spec = platform(opts.platformId);
  const steps: ChecklistStep[] = [
    { text: { zh: `打开 ${spec.subAccountPath.zh}`, en: `Open ${spec.subAccountPath.en}` } },
  ];
  const name = opts.fullName;
  steps.push(
    opts.isNew && spec.invitesByEmail
      ? {
          text: {
            zh: `点击“添加新用户”，邀请邮箱「${name}」；对方在邀请邮件中接受并自行设置密码`,
            en: `Click "Add a New User" and invite "${name}"; they accept from the invitation e-mail and set their own password`,
          },
        }
      : opts.isNew
        ? {
            text: {
              zh: `新建子账号「${name}」，设置密码（可从本应用复制）`,
              en: `Create sub-account "${name}" and set its password (copy it from this app)`,
            },
          }
        : {
            text: {
              zh: `找到子账号「${name}」，点击“配置角色/权限”`,
              en: `Find sub-account "${name}" and open its roles/permissions`,
            },
          },
  );
  const diff =
    opts.applied && !opts.isNew ? diffPermissions(opts.platformId, opts.applied, opts.permissions) : null;
  const grant = diff ? diff.added : [...opts.permissions];
  const revoke = diff ? diff.removed : [];
  const model = spec.model;

  if (model.kind === 'roles' && opts.nativeRole) {
    const role = model.roles.find((r) => r.id === opts.nativeRole);
    if (role)
      steps.push({ text: { zh: `选择角色「${role.label.zh}」`, en: `Choose the role "${role.label.en}"` } });
  }
  if (model.kind === 'custom-post' && opts.nativeRole) {
    const post = model.standardPosts.find((p) => p.id === opts.nativeRole);
    if (post) {
      steps.push({
        text: {
          zh: `使用自定义岗位，并将其对应到标准岗位「${post.label.zh}」`,
          en: `Use a custom post mapped onto the standard post "${post.label.en}"`,
        },
      });
    }
  }
  const tick = (ids: string[], on: boolean, where?: Text) => {
    if (ids.length === 0) return;
    const items = join(ids.map((id) => label(opts.platformId, id)));
    const w = where ? { zh: `在${where.zh}中`, en: `In ${where.en}, ` } : { zh: '', en: '' };
    steps.push({
      text: on
        ? { zh: `${w.zh}勾选：${items.zh}`, en: `${w.en}tick: ${items.en}` }
        : { zh: `${w.zh}取消勾选：${items.zh}`, en: `${w.en}untick: ${items.en}` },
    });
  };
  if (model.kind === 'dual-roles') {
    for (const surface of ['backend', 'jingmai'] as const) {
      const on = grant.filter((id) => permissionById(spec, id)?.surface === surface);
      const off = revoke.filter((id) => permissionById(spec, id)?.surface === surface);
      tick(on, true, model.surfaces[surface]);
      tick(off, false, model.surfaces[surface]);
    }
  } else if (model.kind === 'tool-levels') {
    const tools = new Set([...grant, ...revoke].map((id) => id.split(':')[0]!));
    for (const tool of tools) {
      const level = opts.permissions.find((id) => id.startsWith(`${tool}:`));
      const def = spec.permissions.find((p) => p.tool === tool);
      const toolName = def
        ? { zh: def.label.zh.replace(/（.*）$/, ''), en: def.label.en.replace(/ \(.*\)$/, '') }
        : { zh: tool, en: tool };
      const lv = level?.endsWith(':edit')
        ? { zh: '查看和编辑', en: 'View & Edit' }
        : level
          ? { zh: '查看', en: 'View' }
          : { zh: '无', en: 'None' };
      steps.push({
        text: { zh: `将「${toolName.zh}」设为：${lv.zh}`, en: `Set "${toolName.en}" to ${lv.en}` },
      });
    }
  } else {
    tick(grant, true);
    tick(revoke, false);
  }
  steps.push({
    text: {
      zh: '保存，然后在本应用中点“已在平台完成”',
      en: 'Save, then mark it done on the platform in this app',
    },
  });
  return steps;
}
