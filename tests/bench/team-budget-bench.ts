// Issue-23 figures: a team of five (owner, two admins, two leads) on one WebDAV account, the way a shop
// shares one 坚果云 login, against a real Apache mod_dav behind a counting proxy. Every request any of the
// five computers makes in half an hour is counted: idle (polls only), and busy (500 changes spread over the
// half hour, 100 each). 坚果云 allows 600 WebDAV requests per 30 minutes on a free account; the targets are
// at most 300 idle and 600 busy. The engines' timers run on one clock the bench moves a second at a time, so
// the scheduler decides when requests happen, as it would on five real computers.
import { staffScope } from '../../shared/domain/sync/scopes.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { startFaultProxy } from '../sync/support/fault-proxy.ts';
import { davTarget, invite, type Machine, machine } from '../sync/support/team-cores.ts';
import { startApache } from '../sync/support/webdav-servers.ts';
import type { Row } from './measure.ts';

const HALF_HOUR = 30 * 60_000;
const progress = (what: string) => process.stderr.write(`  team budget bench: ${what}\n`);

async function step(clock: ManualClock, team: readonly Machine[], ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 1000) {
    clock.advance(Math.min(1000, ms - t));
    for (const m of team) await m.engine.idle();
  }
}

export async function teamBudgetBench(): Promise<Row[]> {
  const server = await startApache();
  const proxy = await startFaultProxy(server.url);
  const clock = new ManualClock(Date.now());
  const target = davTarget({ url: proxy.url, username: server.username, password: server.password });
  const make = () => machine(target, { clock, pollMs: 60_000 });
  const team = [make(), make(), make(), make(), make()] as const;
  const [owner, admin1, admin2, lead1, lead2] = team;
  const shops = ['s0', 's1', 's2', 's3', 's4'];
  try {
    progress('five members on one account');
    await owner.engine.createTeam('老板');
    for (const s of shops) owner.engine.addShop(s);
    await invite(owner.engine, admin1.engine, '管理员一', { role: 'admin', shops: [] });
    await invite(owner.engine, admin2.engine, '管理员二', { role: 'admin', shops: [] });
    await invite(owner.engine, lead1.engine, '主管一', { role: 'lead', shops: ['s1', 's2'] });
    await invite(owner.engine, lead2.engine, '主管二', { role: 'lead', shops: ['s3', 's4'] });
    for (const m of team) m.engine.start();
    await step(clock, team, 3 * 60_000);

    progress('idle for 30 minutes');
    const idleStart = proxy.log.length;
    await step(clock, team, HALF_HOUR);
    const idle = proxy.log.length - idleStart;
    if (process.env.SW_BENCH_DEBUG) {
      const by = new Map<string, number>();
      for (const r of proxy.log.slice(idleStart)) {
        const k = `${r.method} ${(r.path.split('/').pop() ?? '').slice(0, 2)}`;
        by.set(k, (by.get(k) ?? 0) + 1);
      }
      process.stderr.write(`${JSON.stringify([...by])}\n`);
    }

    progress('500 changes in 30 minutes');
    const busyStart = proxy.log.length;
    // Each member changes a sub-account of a shop it works on every 18 s, the five a few seconds apart.
    const shopOf = (m: number, k: number) =>
      m === 3 ? shops[1 + (k % 2)] : m === 4 ? shops[3 + (k % 2)] : shops[k % 5];
    const ids = new Set<string>();
    for (let k = 0; k < 100; k++) {
      for (let m = 0; m < 5; m++) {
        const shop = shopOf(m, k) as string;
        const id = `m${m}-${shop}-${k % 25}`;
        ids.add(id);
        team[m]?.engine.put(
          { scope: staffScope(shop), kind: 'subaccount', id },
          { nickname: `${shop}:客服${k % 25}`, shopId: shop, s_password: `pw-${m}-${k}` },
        );
        await step(clock, team, 3600);
      }
    }
    const busy = proxy.log.length - busyStart;
    // What was still queued goes up within one more gap; counted apart, and checked delivered.
    await step(clock, team, 3 * 60_000);
    const waiting = team.reduce((n, m) => n + m.engine.status().waiting, 0);
    if (waiting) throw new Error(`${waiting} changes still waiting`);
    const want = owner.engine.records({ kind: 'subaccount' }).length;
    if (want !== ids.size || admin2.engine.records({ kind: 'subaccount' }).length !== want)
      throw new Error('changes were not delivered to every admin');
    const uploads = proxy.log.slice(busyStart).filter((r) => r.method === 'PUT').length;
    for (const m of team) m.engine.stop();
    return [
      [
        'team sync: 5 members on one account, idle 30 min (requests, all five)',
        `${idle} req`,
        `${idle <= 300 ? 'met' : 'NOT met'} (target <= 300 per 30 min)`,
      ],
      [
        'team sync: 5 members on one account, 500 changes in 30 min',
        `${busy} req`,
        `${busy <= 600 ? 'met' : 'NOT met'} (target <= 600 per 30 min); ${uploads} uploads`,
      ],
    ];
  } finally {
    await proxy.stop();
    await server.stop();
  }
}
