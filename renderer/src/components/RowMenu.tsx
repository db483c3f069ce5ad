// One antd dropdown menu for a whole table: a row's "⋯" is a plain button that opens this menu at its
// place, so the table does not mount a dropdown (and its styles) in every visible row.
import { Dropdown, type MenuProps } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

interface Open {
  rect: DOMRect;
  items: NonNullable<MenuProps['items']>;
  onPick(key: string): void;
  trigger: HTMLElement;
}

const Ctx = createContext<(open: Open) => void>(() => {});

export function RowMenuHost({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<Open | null>(null);
  const show = useCallback((o: Open) => setOpen(o), []);
  const close = () => {
    open?.trigger.focus();
    setOpen(null);
  };
  return (
    <Ctx.Provider value={show}>
      {children}
      {open && (
        <Dropdown
          open
          autoFocus
          onOpenChange={(o) => !o && close()}
          menu={{
            items: open.items,
            onClick: ({ key }) => {
              close();
              open.onPick(key);
            },
          }}
        >
          <span
            style={{
              position: 'fixed',
              left: open.rect.left,
              top: open.rect.top,
              width: open.rect.width,
              height: open.rect.height,
            }}
          />
        </Dropdown>
      )}
    </Ctx.Provider>
  );
}

export function RowMenuButton({
  label,
  items,
  onPick,
}: {
  label: string;
  items: () => NonNullable<MenuProps['items']>;
  onPick(key: string): void;
}) {
  const show = useContext(Ctx);
  const open = useMemo(
    () => (e: React.MouseEvent<HTMLButtonElement>) =>
      show({
        rect: e.currentTarget.getBoundingClientRect(),
        items: items(),
        onPick,
        trigger: e.currentTarget,
      }),
    [show, items, onPick],
  );
  return (
    <button type="button" className="sw-link" aria-label={label} aria-haspopup="menu" onClick={open}>
      ⋯
    </button>
  );
}
