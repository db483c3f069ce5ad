// 实人认证, its rules, QR cards and phone registration sessions. The area's calls to main, derived from the contract.
import { areaApi } from '../bridge/area-api.ts';

export const verificationApi = areaApi('verification');
export const rulesApi = areaApi('rules');
export const registrationApi = areaApi('registration');
export const cardsApi = areaApi('cards');
