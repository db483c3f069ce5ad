// Contract handlers for settings.
import type { Handlers } from '../dispatch.ts';
import type { SettingsService } from './settings-service.ts';

type Methods = Extract<keyof Handlers, `settings.${string}`>;

export function settingsHandlers(settings: SettingsService): Pick<Handlers, Methods> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (r) => settings.update(r),
    'settings.setLanguage': (r) => settings.update({ language: r.language }),
  };
}
