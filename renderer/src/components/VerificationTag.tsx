import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VerificationState } from '../../../shared/domain/verification.ts';

const COLORS: Record<VerificationState, string> = {
  'not-required': 'default',
  pending: 'orange',
  'qr-handed-out': 'blue',
  'under-review': 'processing',
  verified: 'green',
  rejected: 'volcano',
  frozen: 'red',
  'temporarily-unfrozen': 'gold',
};

export function VerificationTag({ state }: { state: VerificationState }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[state]}>{t(`work.vstate.${state}`)}</Tag>;
}
