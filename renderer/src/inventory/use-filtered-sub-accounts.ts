// The sub-account list as filtered on screen, answered from the last keystroke's result while typing on.
import { useMemo, useRef } from 'react';
import type { SubAccountView } from '../../../shared/contract/inventory-types.ts';
import {
  filterWhileTyping,
  type LastFilter,
  type SubAccountFilter,
} from '../../../shared/domain/subaccount-filter.ts';

export function useFilteredSubAccounts(
  all: SubAccountView[],
  filter: SubAccountFilter,
  search: string,
): SubAccountView[] {
  const last = useRef<LastFilter<SubAccountView> | null>(null);
  return useMemo(() => {
    last.current = filterWhileTyping(all, filter, search, last.current);
    return last.current.rows;
  }, [all, filter, search]);
}
