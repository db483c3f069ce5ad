// 团队与同步: the team, its members, invites, conflicts and sync. The area's calls to main, derived from the
// contract.
import { areaApi } from '../bridge/area-api.ts';

export const teamApi = areaApi('team');
