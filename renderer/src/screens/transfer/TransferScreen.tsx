// 导入导出: bring accounts in from the tools sellers already use, and leave with a file those tools open.
import { Flex, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useInventory } from '../../inventory/inventory-store.ts';
import { BitwardenExportCard } from './BitwardenExportCard.tsx';
import { ImportCard } from './import/ImportCard.tsx';
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
        <ImportCard />
        <KdbxExportCard />
        <BitwardenExportCard />
      </Flex>
    </>
  );
}
