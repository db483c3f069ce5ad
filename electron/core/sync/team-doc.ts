// The membership list ("the manifest"): who is in the team, with which role and shops, and who was removed
// after which of their segments. Signed by the owner, whose key every member pinned when joining, and sealed
// with the team scope key so storage learns no names; its version only grows, so an older list served
// again is noticed.
import { z } from 'zod';
import { MEMBER_ROLES } from '../../../shared/domain/sync/scopes.ts';
import type { PrivateIdentity } from './crypto/identity.ts';
import { keyId, openWith, type ScopeKey, sealWith } from './crypto/scope-keys.ts';
import { encodeSigned, type ParsedSigned, packPlain, parseSigned, unpackPlain } from './signed-file.ts';
import { publicIdentitySchema } from './sync-schemas.ts';

const shopIds = z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)).max(10_000);

const memberSchema = publicIdentitySchema.extend({
  role: z.enum(MEMBER_ROLES),
  shops: shopIds,
  name: z.string().min(1).max(64),
  since: z.number().int().min(0),
  // Earlier grants, each in force up to the member's segment `through` (see grantAt): a change is judged by
  // the grant its author held when writing it.
  past: z
    .array(z.strictObject({ role: z.enum(MEMBER_ROLES), shops: shopIds, through: z.number().int().min(0) }))
    .max(100)
    .optional(),
});

const bodySchema = z.strictObject({
  members: z.array(memberSchema).min(1).max(1000),
  // A removed member keeps their key and grant here: their segments up to `lastSeq` (what the owner had
  // seen when removing them) still verify; anything later is refused.
  removed: z
    .array(memberSchema.extend({ lastSeq: z.number().int().min(0), at: z.number().int().min(0) }))
    .max(10_000),
});

export type TeamMember = z.infer<typeof memberSchema>;
export type TeamBody = z.infer<typeof bodySchema>;

const headerSchema = z.strictObject({
  team: z.string().regex(/^[0-9a-f]{32}$/),
  v: z.number().int().min(1),
  owner: publicIdentitySchema,
  k: z.string().regex(/^[0-9a-f]{16}$/),
  n: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
});
export type TeamHeader = z.infer<typeof headerSchema>;

const aadFor = (team: string, v: number) => `shopwarden/sync/team/v1|${team}|${v}`;

export function encodeTeamDoc(opts: {
  team: string;
  version: number;
  owner: PrivateIdentity;
  teamKey: ScopeKey;
  body: TeamBody;
}): Buffer {
  const { nonce, body } = sealWith(opts.teamKey, packPlain(opts.body), aadFor(opts.team, opts.version));
  const header: TeamHeader = {
    team: opts.team,
    v: opts.version,
    owner: { id: opts.owner.id, sign: opts.owner.sign, box: opts.owner.box },
    k: keyId(opts.teamKey),
    n: nonce.toString('base64url'),
  };
  return encodeSigned('SWT1', header, body, opts.owner);
}

export function readTeamDoc(bytes: Uint8Array): { parsed: ParsedSigned; header: TeamHeader } | null {
  const parsed = parseSigned('SWT1', bytes);
  if (!parsed) return null;
  const h = headerSchema.safeParse(parsed.header);
  return h.success ? { parsed, header: h.data } : null;
}

export function openTeamDoc(
  doc: { parsed: ParsedSigned; header: TeamHeader },
  teamKey: ScopeKey,
): TeamBody | null {
  const plain = openWith(
    teamKey,
    Buffer.from(doc.header.n, 'base64url'),
    doc.parsed.body,
    aadFor(doc.header.team, doc.header.v),
  );
  if (!plain) return null;
  const body = bodySchema.safeParse(unpackPlain(plain));
  return body.success ? body.data : null;
}
