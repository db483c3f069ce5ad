import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { PersonView } from '../../../../shared/contract/inventory-types.ts';

/** The staff table's columns; `onStatus` asks to mark a person left (or back at work). */
export function staffColumns(t: TFunction, onStatus: (p: PersonView) => void): ColumnsType<PersonView> {
  return [
    { title: t('inv.staff.name'), dataIndex: 'name' },
    { title: t('inv.staff.phone'), dataIndex: 'phoneMasked' },
    { title: t('inv.staff.position'), dataIndex: 'position' },
    {
      title: t('inv.common.status'),
      dataIndex: 'status',
      render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`inv.staff.${s}`)}</Tag>,
    },
    {
      title: t('inv.staff.idLast4'),
      dataIndex: 'idLast4',
      render: (v: string | null) => (v ? `****${v}` : '—'),
    },
    {
      title: t('inv.staff.bindings'),
      key: 'bindings',
      render: (_, p) =>
        p.bindings.length
          ? p.bindings.map((b) => <Tag key={b.subAccountId}>{`${b.shopName} / ${b.fullName}`}</Tag>)
          : '—',
    },
    {
      title: t('inv.common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => onStatus(p)}>
          {p.status === 'active' ? t('inv.staff.markLeft') : t('inv.staff.markActive')}
        </Button>
      ),
    },
  ];
}
