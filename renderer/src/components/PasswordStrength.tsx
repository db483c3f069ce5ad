import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordStrength } from '../../../shared/domain/password-strength.ts';

const COLORS = ['#ff4d4f', '#ff7a45', '#faad14', '#52c41a', '#237804'];

export function PasswordStrength({ password }: { password: string }) {
  const { t } = useTranslation();
  const s = passwordStrength(password);
  const levels = t('setup.levels', { returnObjects: true }) as string[];
  return (
    <div aria-live="polite" data-testid="password-strength">
      <Progress
        percent={password ? (s.level + 1) * 20 : 0}
        steps={5}
        showInfo={false}
        strokeColor={Array.from({ length: 5 }, () => COLORS[s.level] ?? COLORS[0]!)}
      />
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        {t('setup.strength')}: {password ? levels[s.level] : '—'}
        {password && !s.meetsMinimum ? ` · ${t('setup.minLength')}` : ''}
      </Typography.Text>
    </div>
  );
}
