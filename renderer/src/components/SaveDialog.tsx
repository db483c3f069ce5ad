import { Modal, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The app's edit dialog: always open while mounted, 保存/取消 buttons, closes through onClose. */
export function SaveDialog({
  title,
  onClose,
  onSave,
  width,
  okButtonProps,
  children,
}: {
  title: ReactNode;
  onClose: () => void;
  onSave: () => Promise<void>;
  width?: number;
  okButtonProps?: ModalProps['okButtonProps'];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void onSave()}
      width={width}
      okButtonProps={okButtonProps}
      okText={t('inv.common.save')}
      cancelText={t('inv.common.cancel')}
    >
      {children}
    </Modal>
  );
}
