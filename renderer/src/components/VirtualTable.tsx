// A table for tens of thousands of rows: only the rows on screen are in the DOM (TanStack Virtual), each
// row is memoised on its record's identity (the inventory store keeps unchanged records identical), and
// header and body scroll in one container, so keyboard focus scrolling a row can never misalign them.
// Columns may be pinned left or right (the actions column stays on screen at 1024 px).
// (Lint: a virtualised table cannot be a <table>: rows are absolutely positioned divs carrying the table
// roles, as antd's own virtual table does; the cells are not focus stops, their buttons and checkboxes are.)
import { useVirtualizer } from '@tanstack/react-virtual';
import { Checkbox, Empty, Spin } from 'antd';
import './row-parts.css';
import { type CSSProperties, memo, type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { RowSecretHost } from './RowParts.tsx';
import {
  estimateHeight,
  type Layout,
  layoutOf,
  observeRectAfterLayout,
  scrollUnlessThere,
} from './virtual-layout.ts';

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
}

function RowView<T>({ row, id, label, columns, layout, selection, checked, top }: RowProps<T>) {
  return (
    <div
      role="row"
      aria-label={label}
      data-row-key={id}
      className={checked ? 'vt-row vt-row-checked' : 'vt-row'}
      style={{ transform: `translateY(${top}px)` }}
    >
      {selection && (
        <div role="cell" className={layout.cell.get('__check')}>
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
        <div role="cell" key={c.key} className={layout.cell.get(c.key)}>
          {c.render(row)}
        </div>
      ))}
    </div>
  );
}

/** The select-all box; memoised on what it shows, so a keystroke that changes the rows leaves it alone. */
const HeaderCheck = memo(function HeaderCheck(props: {
  label: string;
  checked: boolean;
  indeterminate: boolean;
  toggleAll(checked: boolean): void;
}) {
  return (
    <Checkbox
      aria-label={props.label}
      checked={props.checked}
      indeterminate={props.indeterminate}
      onChange={(e) => props.toggleAll(e.target.checked)}
    />
  );
});

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
  const scope = `vt-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const layout = useMemo(
    () => layoutOf(columns, Boolean(selection), scope, rowHeight),
    [columns, selection, scope, rowHeight],
  );
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
    overscan: 2,
    getItemKey: (i) => rowKey(sorted[i]!),
    initialRect: { width: window.innerWidth, height: estimateHeight(height) },
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollUnlessThere,
  });
  const selectedCount = selection ? sorted.filter((r) => selection.selected.has(rowKey(r))).length : 0;

  const cycleSort = (key: string) =>
    setSort((s) => (s?.key !== key ? { key, dir: 1 } : s.dir === 1 ? { key, dir: -1 } : null));

  return (
    // The spinner is mounted only while loading: an idle antd Spin still re-renders with every keystroke.
    <div className="vt-wrap">
      {loading && <Spin className="vt-loading" />}
      <div
        ref={scrollRef}
        role="table"
        aria-label={label}
        aria-rowcount={sorted.length + 1}
        className={`vt-scroll ${scope}`}
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
        <style>{layout.css}</style>
        <div role="row" className="vt-head">
          {selection && (
            <div role="columnheader" className={layout.cell.get('__check')}>
              <HeaderCheck
                label={selection.allLabel}
                checked={sorted.length > 0 && selectedCount === sorted.length}
                indeterminate={selectedCount > 0 && selectedCount < sorted.length}
                toggleAll={selection.toggleAll}
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
              className={layout.cell.get(c.key)}
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
          <RowSecretHost>
            <div className="vt-body" style={{ height: virtualizer.getTotalSize() }}>
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
                  />
                );
              })}
            </div>
          </RowSecretHost>
        )}
      </div>
    </div>
  );
}
