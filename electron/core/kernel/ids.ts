// Record ids: 72 random bits, URL-safe, for every area (shops, sub-accounts, cases, drafts...).
import { randomBytes } from 'node:crypto';

export const newId = () => randomBytes(9).toString('base64url');
