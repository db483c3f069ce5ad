import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Risk } from '../../../shared/domain/platforms/types.ts';

const COLORS: Record<Risk, string> = { high: 'red', medium: 'orange', low: 'green' };

export function RiskTag({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[risk]}>{t(`inv.common.${risk}Risk`)}</Tag>;
}
