import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder for a module that is in the navigation but not built yet; says so rather than pretending. */
export function ComingSoonScreen({ navKey }: { navKey: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={<h2 style={{ margin: 0 }}>{t(`nav.${navKey}`)}</h2>}
      subTitle={t('common.comingSoon')}
    />
  );
}
