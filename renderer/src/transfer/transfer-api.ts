// 导入与导出: reading an import, previewing and committing it, and the exports. The area's calls to main,
// derived from the contract.
import { areaApi } from '../bridge/area-api.ts';

export const transferApi = areaApi('transfer');
