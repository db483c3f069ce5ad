// Contract handlers for temporary agents: thin, each a call into the service; the roster export asks for
// the master password again when it carries passwords.
import type { Handlers } from '../dispatch.ts';
import type { InventoryDeps } from '../inventory/deps.ts';
import { exportRoster } from '../inventory/exporters.ts';
import { passwordReader } from '../inventory/secret-export.ts';
import type { Vault } from '../vault/vault.ts';
import type { TempAgentService } from './temp-agent-service.ts';

type Methods = Extract<keyof Handlers, `agents.${string}`>;

export function agentHandlers(s: {
  deps: InventoryDeps;
  vault: Vault;
  tempAgents: TempAgentService;
}): Pick<Handlers, Methods> {
  const { tempAgents } = s;
  return {
    'agents.list': () => tempAgents.list(),
    'agents.previewNames': (r) => tempAgents.previewNames(r.shopId, r.pattern, r.count),
    'agents.createBatch': (r) => tempAgents.createBatch(r),
    'agents.retire': (r) => tempAgents.retire(r.ids, r.mode),
    'agents.guides': () => tempAgents.guides(),
    'agents.confirmGone': (r) => tempAgents.confirmGone(r.ids),
    'agents.exportRoster': async (r) => {
      const agents = tempAgents.list().filter((a) => !r.shopId || a.shopId === r.shopId);
      const password = await passwordReader(s.vault, s.deps, r);
      const file = await exportRoster(agents, {
        now: s.deps.clock.now(),
        ...(password ? { password } : {}),
      });
      s.deps.audit.append({
        action: 'agents.exported',
        object: r.shopId ? `shop/${r.shopId}` : 'tempAgents',
        summary: `${file.fileName}, ${file.rowCount} 行${r.includeSecrets ? '，含密码 / with passwords' : ''}`,
      });
      return file;
    },
  };
}
