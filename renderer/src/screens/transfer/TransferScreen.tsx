// 导入导出: leave with a file the other password managers open. (Imports come with the rest of issue #11.)
import { Flex, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useInventory } from '../../inventory/inventory-store.ts';
import { BitwardenExportCard } from './BitwardenExportCard.tsx';
import { KdbxExportCard } from './KdbxExportCard.tsx';

export function TransferScreen() {
  const { t } = useTranslation();
  const ensureLoaded = useInventory((s) => s.ensureLoaded);
  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);
  return (
    <>
      <Typography.Title level={2}>{t('transfer.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('transfer.intro')}</Typography.Paragraph>
      <Flex vertical gap="large">
        <KdbxExportCard />
        <BitwardenExportCard />
      </Flex>
    </>
  );
}
