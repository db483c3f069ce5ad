// The sub-account table's columns. Built once per language and template list (never per keystroke), so
// the memoised rows of the virtual table re-render only when their own record changes.
import type { TFunction } from 'i18next';
import type { SubAccountView, TemplateView } from '../../../../shared/contract/inventory-types.ts';
import type { Language } from '../../../../shared/contract/types.ts';
import { PLATFORM_IDS, permissionById, platform } from '../../../../shared/domain/platforms/catalog.ts';
import { RowMenuButton } from '../../components/RowMenu.tsx';
import { RowLink, RowSecret, RowTag } from '../../components/RowParts.tsx';
import { VERIFICATION_COLORS } from '../../components/VerificationTag.tsx';
import type { VirtualColumn } from '../../components/VirtualTable.tsx';
import { pickText, templateLabel } from '../../lib/text.ts';
import type { Dialog } from './SubAccountDialogs.tsx';

export interface RowActions {
  open(dialog: NonNullable<Dialog>): void;
  toggleStatus(sub: SubAccountView): void;
  remove(ids: string[]): void;
}

export function subAccountColumns(
  t: TFunction,
  lang: Language,
  templates: TemplateView[],
  actions: RowActions,
): VirtualColumn<SubAccountView>[] {
  const templateById = new Map(templates.map((tp) => [tp.id, tp]));
  // Made when a column is first sorted: creating an ICU collator costs more than the rest of this function.
  let collatorMade: Intl.Collator | null = null;
  const collator = {
    compare: (a: string, b: string) => {
      collatorMade ??= new Intl.Collator('zh-CN');
      return collatorMade.compare(a, b);
    },
  };
  // Every word a row shows, translated once here: a t() call per cell per row is a lookup chain that twenty
  // new rows per keystroke would repeat hundreds of times.
  const words = {
    status: { active: t('inv.subs.active'), disabled: t('inv.subs.disabled') } as Record<string, string>,
    sync: { synced: t('inv.subs.synced'), pending: t('inv.subs.pending') } as Record<string, string>,
    vstate: Object.fromEntries(
      Object.keys(VERIFICATION_COLORS).map((v) => [v, t(`work.vstate.${v}`)]),
    ) as Record<string, string>,
    tempAgent: t('nav.tempAgents'),
    handPicked: t('inv.subs.handPicked'),
    unbound: t('inv.subs.unbound'),
    password: t('inv.subs.password'),
    configure: t('inv.subs.configure'),
    checklist: t('inv.subs.checklist'),
    actions: t('inv.common.actions'),
  };
  // Rows share a few permission sets (a template's): each set is put into words once.
  const permTexts = new Map<string, string>();
  const permissionsText = (s: SubAccountView) => {
    const key = `${s.platform}|${s.permissions.join(',')}`;
    let text = permTexts.get(key);
    if (text === undefined) {
      text = s.permissions
        .map((id) => pickText(permissionById(platform(s.platform), id)?.label ?? { zh: id, en: id }, lang))
        .join(', ');
      permTexts.set(key, text);
    }
    return text;
  };
  const platformNames = new Map(PLATFORM_IDS.map((id) => [id, pickText(platform(id).name, lang)]));
  const platformName = (id: SubAccountView['platform']) => platformNames.get(id) ?? id;
  return [
    {
      key: 'fullName',
      title: t('inv.subs.fullName'),
      width: 190,
      pin: 'left',
      compare: (a, b) => collator.compare(a.fullName, b.fullName),
      render: (s) => <span title={s.fullName}>{s.fullName}</span>,
    },
    {
      key: 'shop',
      title: t('inv.common.shop'),
      width: 130,
      compare: (a, b) => collator.compare(a.shopName, b.shopName),
      render: (s) => <span title={s.shopName}>{s.shopName}</span>,
    },
    {
      key: 'platform',
      title: t('inv.common.platform'),
      width: 80,
      render: (s) => platformName(s.platform),
    },
    {
      key: 'status',
      title: t('inv.common.status'),
      width: 76,
      render: (s) => (
        <RowTag color={s.status === 'active' ? 'green' : 'default'}>
          {words.status[s.status] ?? s.status}
        </RowTag>
      ),
    },
    {
      key: 'template',
      title: t('inv.subs.template'),
      width: 150,
      render: (s) => {
        const tp = s.templateId ? templateById.get(s.templateId) : undefined;
        const perms = permissionsText(s);
        return (
          <span title={perms}>{tp ? templateLabel(tp, lang) : (s.templateName ?? words.handPicked)}</span>
        );
      },
    },
    {
      key: 'staff',
      title: t('inv.subs.staff'),
      width: 100,
      render: (s) => s.staffName ?? <span className="sw-muted">{words.unbound}</span>,
    },
    {
      key: 'sync',
      title: t('inv.subs.sync'),
      width: 116,
      render: (s) => (
        <RowTag color={s.sync === 'synced' ? 'green' : 'orange'}>{words.sync[s.sync] ?? s.sync}</RowTag>
      ),
    },
    {
      key: 'verification',
      title: t('inv.subs.verification'),
      width: 170,
      // The 临时客服 tag sits in its own line-up beside the state, inside the column's width.
      render: (s) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <RowTag color={VERIFICATION_COLORS[s.verification]}>{words.vstate[s.verification]}</RowTag>
          {s.temporary && <RowTag>{words.tempAgent}</RowTag>}
        </span>
      ),
    },
    {
      key: 'password',
      title: t('inv.subs.password'),
      width: 150,
      render: (s) => (
        <RowSecret
          secret={{ collection: `shop-${s.shopId}`, recordId: s.id, field: 'password' }}
          label={`${s.fullName} ${words.password}`}
        />
      ),
    },
    {
      key: 'actions',
      title: t('inv.common.actions'),
      width: 200,
      pin: 'right',
      render: (s) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <RowLink onClick={() => actions.open({ kind: 'configure', sub: s })}>{words.configure}</RowLink>
          <RowLink onClick={() => actions.open({ kind: 'checklist', sub: s })}>{words.checklist}</RowLink>
          <RowMenuButton
            label={`${words.actions} ${s.fullName}`}
            items={() => [
              { key: 'password', label: t('inv.subs.changePassword') },
              { key: 'rename', label: t('inv.subs.rename') },
              { key: 'bind', label: t('inv.subs.bindStaff') },
              { key: 'status', label: s.status === 'active' ? t('inv.subs.disable') : t('inv.subs.enable') },
              { key: 'delete', label: t('inv.common.delete'), danger: true },
            ]}
            onPick={(key) => {
              if (key === 'delete') actions.remove([s.id]);
              else if (key === 'status') actions.toggleStatus(s);
              else actions.open({ kind: key as 'password' | 'rename' | 'bind', sub: s });
            }}
          />
        </span>
      ),
    },
  ];
}
