// 实人认证's one-shot calls: the rules (read by rules-store.ts), QR card facts, the network interfaces a
// registration session can use. Derived from the contract; verification steps and sessions go through the work store.
import { areaApi } from '../bridge/area-api.ts';

export const rulesApi = areaApi('rules');
export const registrationApi = areaApi('registration');
export const cardsApi = areaApi('cards');
