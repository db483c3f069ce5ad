// Shows a refusal or failure as the app's error message, in the current language. The function is the same
// object for the screen's whole life, so an effect that reads data once per id can use it without being
// re-run (and reading again) when the language or antd's message API changes identity.
import { App } from 'antd';
import { useCallback, useRef } from 'react';
import { errorText } from '../i18n/errors.ts';
import { useLang } from './use-lang.ts';

export function useShowError(): (err: unknown) => void {
  const { message } = App.useApp();
  const lang = useLang();
  const show = useRef((_err: unknown) => {});
  show.current = (err: unknown) => void message.error(errorText(err, lang));
  return useCallback((err: unknown) => show.current(err), []);
}
