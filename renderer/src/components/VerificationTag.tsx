import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VerificationState } from '../../../shared/domain/verification.ts';

export const VERIFICATION_COLORS = {
  'not-required': 'default',
  pending: 'orange',
  'qr-handed-out': 'blue',
  'under-review': 'processing',
  verified: 'green',
  rejected: 'volcano',
  frozen: 'red',
  'temporarily-unfrozen': 'gold',
} as const satisfies Record<VerificationState, string>;

export function VerificationTag({ state }: { state: VerificationState }) {
  const { t } = useTranslation();
  return <Tag color={VERIFICATION_COLORS[state]}>{t(`work.vstate.${state}`)}</Tag>;
}
