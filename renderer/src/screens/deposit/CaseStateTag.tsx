import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../../../shared/domain/deposit/deposit-case.ts';

const COLORS: Record<CaseState, string> = {
  preparing: 'default',
  submitted: 'blue',
  'in-review': 'processing',
  rejected: 'volcano',
  approved: 'cyan',
  refunded: 'green',
  blocked: 'red',
};

export function CaseStateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[state]}>{t(`deposit.state.${state}`)}</Tag>;
}
