// Runs a change against main with the app's error handling: field errors go to the form, a high-risk
// grant asks for confirmation and is retried only if the person agrees, anything else is a toast.
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/contract/errors.ts';
import { permissionById, platform } from '../../../shared/domain/platforms/catalog.ts';
import type { PlatformId } from '../../../shared/domain/platforms/types.ts';
import { errorText, formFieldErrors } from '../i18n/errors.ts';
import { pickText } from '../lib/text.ts';
import { useLang } from './use-lang.ts';

export function useMutation() {
  const { modal, message } = App.useApp();
  const { t } = useTranslation();
  const lang = useLang();

  const confirmHighRisk = (platformId: PlatformId, ids: string[]) =>
    new Promise<boolean>((resolve) => {
      const spec = platform(platformId);
      const list = ids
        .map((id) => (permissionById(spec, id) ? pickText(permissionById(spec, id)!.label, lang) : id))
        .join(lang === 'zh-CN' ? '、' : ', ');
      modal.confirm({
        title: t('inv.subs.highRiskTitle'),
        content: t('inv.subs.highRiskBody', { list }),
        okText: t('inv.common.confirm'),
        cancelText: t('inv.common.cancel'),
        okButtonProps: { danger: true },
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  /**
   * `run(confirmed)` is called with false first; on HIGH_RISK_CONFIRMATION_REQUIRED it asks, then calls
   * run(true). Returns the result, or undefined when refused or cancelled (errors already shown).
   */
  async function execute<T>(
    run: (confirmHighRiskFlag: boolean) => Promise<T>,
    opts: {
      form?: FormInstance;
      platformId?: PlatformId;
      success?: string;
      onError?: (err: AppError) => boolean;
    } = {},
  ): Promise<T | undefined> {
    try {
      const r = await run(false);
      if (opts.success) message.success(opts.success);
      return r;
    } catch (err) {
      if (err instanceof AppError && err.code === 'HIGH_RISK_CONFIRMATION_REQUIRED' && opts.platformId) {
        const ids = String(err.details?.permissions ?? '')
          .split(',')
          .filter(Boolean);
        if (!(await confirmHighRisk(opts.platformId, ids))) return undefined;
        return execute(() => run(true), { ...opts, platformId: undefined });
      }
      if (err instanceof AppError && opts.onError?.(err)) return undefined;
      const fields = formFieldErrors(err, lang);
      if (opts.form && fields.length > 0) opts.form.setFields(fields as never);
      else message.error(errorText(err, lang));
      return undefined;
    }
  }
  return { execute, message, modal };
}
