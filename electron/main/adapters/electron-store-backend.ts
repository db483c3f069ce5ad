import ElectronStore from 'electron-store';
import { type ConfLikeClass, confLikeBackendFactory } from '../../core/storage/conf-backend.ts';

export const electronStoreBackendFactory = confLikeBackendFactory(ElectronStore as unknown as ConfLikeClass);
