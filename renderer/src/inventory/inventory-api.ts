// Calls of the inventory areas that change nothing a screen keeps (staff import preview, staff export). The
// area's calls to main, derived from the contract; lists and their changes go through inventory-store.ts.
import { areaApi } from '../bridge/area-api.ts';

export const staffApi = areaApi('staff');
