// 备份与恢复: automatic backups, restore, and the recovery kit. The area's calls to main, derived from the
// contract.
import { areaApi } from '../bridge/area-api.ts';

export const backupApi = areaApi('backup');
export const kitApi = areaApi('kit');
