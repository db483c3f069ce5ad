// A table for tens of thousands of rows: only the rows on screen are in the DOM (TanStack Virtual), each
// row is memoised on its record's identity (the inventory store keeps unchanged records identical), and
// header and body scroll in one container, so keyboard focus scrolling a row can never misalign them.
// Columns may be pinned left or right (the actions column stays on screen at 1024 px).
// (Lint: a virtualised table cannot be a <table>: rows are absolutely positioned divs carrying the table
// roles, as antd's own virtual table does; the cells are not focus stops, their buttons and checkboxes are.)
import { useVirtualizer } from '@tanstack/react-virtual';
import { Checkbox, Empty, Spin } from 'antd';
import './row-parts.css';
import { type CSSProperties, memo, type ReactNode, useMemo, useRef, useState } from 'react';

export interface VirtualColumn<T> {
  key: string;
  title: ReactNode;
  width: number;
  pin?: 'left' | 'right';
  render(row: T): ReactNode;
  /** Makes the header a sort button cycling ascending, descending, unsorted. */
  compare?: (a: T, b: T) => number;
}

export interface VirtualSelection {
  selected: ReadonlySet<string>;
  toggle(id: string, checked: boolean): void;
  toggleAll(checked: boolean): void;
  /** Accessible name of a row's checkbox, from the row's own label. */
  label(rowLabel: string): string;
  allLabel: string;
}

const CHECK_WIDTH = 40;

interface Layout {
  width: number;
  /** Inline style per column key (sticky offsets), also for the checkbox column under '__check'. */
  cell: Map<string, CSSProperties>;
}

function layoutOf<T>(columns: VirtualColumn<T>[], withCheck: boolean): Layout {
  const widths = [...(withCheck ? [CHECK_WIDTH] : []), ...columns.map((c) => c.width)];
  const keys = [...(withCheck ? ['__check'] : []), ...columns.map((c) => c.key)];
  const pins = [...(withCheck ? (['left'] as const) : []), ...columns.map((c) => c.pin)];
  const cell = new Map<string, CSSProperties>();
  // Fixed widths on plain flex items: cheaper to lay out per row than a grid track list.
  keys.forEach((k, i) => {
    cell.set(k, { width: widths[i], flex: 'none' });
  });
  let left = 0;
  keys.forEach((k, i) => {
    if (pins[i] === 'left') {
      cell.set(k, { ...cell.get(k), position: 'sticky', left, zIndex: 1, background: 'inherit' });
      left += widths[i]!;
    }
  });
  let right = 0;
  for (let i = keys.length - 1; i >= 0; i--) {
    if (pins[i] !== 'right') continue;
    cell.set(keys[i]!, {
      ...cell.get(keys[i]!),
      position: 'sticky',
      right,
      zIndex: 1,
      background: 'inherit',
      boxShadow: right === 0 ? '-6px 0 6px -6px rgba(0,0,0,0.2)' : undefined,
    });
    right += widths[i]!;
  }
  return {
    width: widths.reduce((a, b) => a + b, 0),
    cell,
  };
}

const cellBase: CSSProperties = {
  padding: '0 8px',
  display: 'flex',
  alignItems: 'center',
  overflow: 'hidden',
  whiteSpace: 'nowrap',
  textOverflow: 'ellipsis',
  minWidth: 0,
};

const sortButton: CSSProperties = {
  all: 'unset',
  cursor: 'pointer',
  fontWeight: 600,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
};

interface RowProps<T> {
  row: T;
  id: string;
  label: string;
  columns: VirtualColumn<T>[];
  layout: Layout;
  selection: VirtualSelection | undefined;
  checked: boolean;
  top: number;
  height: number;
}

function RowView<T>({ row, id, label, columns, layout, selection, checked, top, height }: RowProps<T>) {
  return (
    <div
      role="row"
      aria-label={label}
      data-row-key={id}
      className="vt-row"
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        transform: `translateY(${top}px)`,
        height,
        width: layout.width,
        minWidth: '100%',
        display: 'flex',
        borderBottom: '1px solid #f0f0f0',
        background: checked ? '#e6f4ff' : '#fff',
      }}
    >
      {selection && (
        <div role="cell" style={{ ...cellBase, ...layout.cell.get('__check') }}>
          {/* A native checkbox: an antd one per row costs its styles on every keystroke. */}
          <input
            type="checkbox"
            className="sw-check"
            checked={checked}
            aria-label={selection.label(label)}
            onChange={(e) => selection.toggle(id, e.target.checked)}
          />
        </div>
      )}
      {columns.map((c) => (
        <div role="cell" key={c.key} style={{ ...cellBase, ...layout.cell.get(c.key) }}>
          {c.render(row)}
        </div>
      ))}
    </div>
  );
}

// Re-renders only when its record, its selection or the columns change; moving costs a transform.
const Row = memo(RowView) as typeof RowView;

export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  rowLabel,
  selection,
  height,
  rowHeight = 44,
  loading,
  empty,
  label,
}: {
  rows: T[];
  columns: VirtualColumn<T>[];
  rowKey(row: T): string;
  rowLabel(row: T): string;
  selection?: VirtualSelection;
  height: number | string;
  rowHeight?: number;
  loading?: boolean;
  empty: ReactNode;
  label: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const layout = useMemo(() => layoutOf(columns, Boolean(selection)), [columns, selection]);
  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.key);
    if (!col?.compare || !sort) return rows;
    const cmp = col.compare;
    return [...rows].sort((a, b) => sort.dir * cmp(a, b));
  }, [rows, sort, columns]);
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // Few rows beyond the window: every extra row is laid out again on each keystroke.
    overscan: 3,
    getItemKey: (i) => rowKey(sorted[i]!),
  });
  const selectedCount = selection ? sorted.filter((r) => selection.selected.has(rowKey(r))).length : 0;

  const cycleSort = (key: string) =>
    setSort((s) => (s?.key !== key ? { key, dir: 1 } : s.dir === 1 ? { key, dir: -1 } : null));

  return (
    <Spin spinning={Boolean(loading)}>
      <div
        ref={scrollRef}
        role="table"
        aria-label={label}
        aria-rowcount={sorted.length + 1}
        className="vt-scroll"
        style={{
          height,
          overflow: 'auto',
          position: 'relative',
          border: '1px solid #f0f0f0',
          borderRadius: 8,
          background: '#fff',
          // Rows coming and going on a keystroke are laid out inside the table, not the whole page.
          contain: 'strict',
        }}
      >
        <div
          role="row"
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 3,
            display: 'flex',
            width: layout.width,
            minWidth: '100%',
            height: 40,
            background: '#fafafa',
            borderBottom: '1px solid #f0f0f0',
            fontWeight: 600,
          }}
        >
          {selection && (
            <div role="columnheader" style={{ ...cellBase, ...layout.cell.get('__check') }}>
              <Checkbox
                aria-label={selection.allLabel}
                checked={sorted.length > 0 && selectedCount === sorted.length}
                indeterminate={selectedCount > 0 && selectedCount < sorted.length}
                onChange={(e) => selection.toggleAll(e.target.checked)}
              />
            </div>
          )}
          {columns.map((c) => (
            <div
              role="columnheader"
              key={c.key}
              aria-sort={
                sort?.key === c.key
                  ? sort.dir === 1
                    ? 'ascending'
                    : 'descending'
                  : c.compare
                    ? 'none'
                    : undefined
              }
              style={{ ...cellBase, ...layout.cell.get(c.key) }}
            >
              {c.compare ? (
                <button type="button" style={sortButton} onClick={() => cycleSort(c.key)}>
                  {c.title}
                  <span aria-hidden="true">
                    {sort?.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ' ↕'}
                  </span>
                </button>
              ) : (
                c.title
              )}
            </div>
          ))}
        </div>
        {sorted.length === 0 ? (
          <div style={{ padding: 24 }}>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
          </div>
        ) : (
          <div style={{ position: 'relative', height: virtualizer.getTotalSize(), width: layout.width }}>
            {virtualizer.getVirtualItems().map((v) => {
              const row = sorted[v.index]!;
              const id = rowKey(row);
              return (
                <Row
                  key={v.key}
                  row={row}
                  id={id}
                  label={rowLabel(row)}
                  columns={columns}
                  layout={layout}
                  selection={selection}
                  checked={selection?.selected.has(id) ?? false}
                  top={v.start}
                  height={rowHeight}
                />
              );
            })}
          </div>
        )}
      </div>
    </Spin>
  );
}
