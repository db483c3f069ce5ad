// 临时客服: batches, retirement and the roster. The area's calls to main, derived from the contract.
import { areaApi } from '../bridge/area-api.ts';

export const agentsApi = areaApi('agents');
