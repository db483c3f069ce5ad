// The search box and the filter selects of the sub-account list, one table of specs instead of a
// repeated <Select> block per filter.
import { Input, Select } from 'antd';
import { memo } from 'react';
import '../../components/row-parts.css';
import { useTranslation } from 'react-i18next';
import type { ShopView, TemplateView } from '../../../../shared/contract/inventory-types.ts';
import { PLATFORM_IDS, platform } from '../../../../shared/domain/platforms/catalog.ts';
import type { SubAccountFilter } from '../../../../shared/domain/subaccount-filter.ts';
import { VERIFICATION_STATES } from '../../../../shared/domain/verification.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { pickText, templateLabel } from '../../lib/text.ts';

type FilterKey = Exclude<keyof SubAccountFilter, 'search'>;
interface FilterSpec {
  key: FilterKey;
  label: string;
  width: number;
  options: Array<{ value: string; label: string }>;
}

/** The search box, the filters and the row count; the selects re-render only when a filter changes. */
export function SubAccountFilters(props: {
  filter: SubAccountFilter;
  onFilter(patch: Partial<SubAccountFilter>): void;
  search: string;
  onSearch(value: string): void;
  shops: ShopView[];
  templates: TemplateView[];
  count: number;
  /** The list shows its first rows while the rest loads: the whole count. */
  partialOf: number | null;
}) {
  const { t } = useTranslation();
  return (
    // Plain flex boxes, not antd's Space and Text: these re-render on every keystroke with the box.
    <div className="sw-toolbar">
      <Input.Search
        allowClear
        aria-label={t('inv.common.search')}
        placeholder={t('inv.subs.searchPlaceholder')}
        style={{ width: 240 }}
        value={props.search}
        onChange={(e) => props.onSearch(e.target.value)}
      />
      <FilterSelects
        filter={props.filter}
        onFilter={props.onFilter}
        shops={props.shops}
        templates={props.templates}
      />
      <span className="sw-muted" data-testid="row-count">
        {props.partialOf === null
          ? t('inv.common.rows', { count: props.count })
          : t('inv.common.rowsLoading', { count: props.partialOf })}
      </span>
    </div>
  );
}

const FilterSelects = memo(function FilterSelects({
  filter,
  onFilter,
  shops,
  templates,
}: {
  filter: SubAccountFilter;
  onFilter(patch: Partial<SubAccountFilter>): void;
  shops: ShopView[];
  templates: TemplateView[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const platformName = (id: ShopView['platform']) => pickText(platform(id).name, lang);
  const specs: FilterSpec[] = [
    {
      key: 'shopId',
      label: t('inv.common.shop'),
      width: 170,
      options: shops.map((s) => ({ value: s.id, label: s.name })),
    },
    {
      key: 'platform',
      label: t('inv.common.platform'),
      width: 110,
      options: PLATFORM_IDS.map((id) => ({ value: id, label: platformName(id) })),
    },
    {
      key: 'templateId',
      label: t('inv.subs.template'),
      width: 160,
      options: templates
        .filter((tp) => !filter.platform || tp.platform === filter.platform)
        .map((tp) => ({ value: tp.id, label: `${templateLabel(tp, lang)} · ${platformName(tp.platform)}` })),
    },
    {
      key: 'status',
      label: t('inv.common.status'),
      width: 100,
      options: [
        { value: 'active', label: t('inv.subs.active') },
        { value: 'disabled', label: t('inv.subs.disabled') },
      ],
    },
    {
      key: 'sync',
      label: t('inv.subs.sync'),
      width: 130,
      options: [
        { value: 'pending', label: t('inv.subs.pending') },
        { value: 'synced', label: t('inv.subs.synced') },
      ],
    },
    {
      key: 'verification',
      label: t('inv.subs.verification'),
      width: 110,
      options: VERIFICATION_STATES.map((v) => ({ value: v, label: t(`work.vstate.${v}`) })),
    },
    {
      key: 'bound',
      label: t('inv.subs.staff'),
      width: 110,
      options: [
        { value: 'bound', label: t('inv.subs.bound') },
        { value: 'unbound', label: t('inv.subs.unbound') },
      ],
    },
  ];
  return (
    <>
      {specs.map((f) => (
        <Select
          key={f.key}
          aria-label={f.label}
          allowClear
          placeholder={f.label}
          style={{ width: f.width }}
          value={filter[f.key]}
          onChange={(v) => onFilter({ [f.key]: v })}
          options={f.options}
        />
      ))}
    </>
  );
});
