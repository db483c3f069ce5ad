// Calls of the inventory areas that are not list changes (checklists, import, export). The area's calls to main, derived from the contract.
import { areaApi } from '../bridge/area-api.ts';

export const staffApi = areaApi('staff');
export const subaccountsApi = areaApi('subaccounts');
export const shopsApi = areaApi('shops');
export const templatesApi = areaApi('templates');
