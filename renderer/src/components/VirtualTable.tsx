// A table for tens of thousands of rows: only the rows on screen are in the DOM (TanStack Virtual), each
// row is memoised on its record's identity (the inventory store keeps unchanged records identical), and
// header and body scroll in one container, so keyboard focus scrolling a row can never misalign them.
// Columns may be pinned left or right (the actions column stays on screen at 1024 px).
// (Lint: a virtualised table cannot be a <table>: rows are absolutely positioned divs carrying the table
// roles, as antd's own virtual table does; the cells are not focus stops, their buttons and checkboxes are.)
import { elementScroll, type Rect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { Checkbox, Empty, Spin } from 'antd';
import './row-parts.css';
import { type CSSProperties, memo, type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { RowSecretHost } from './RowParts.tsx';

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
  /** Class per column key (also '__check' for the checkbox column): `vt-c vt-c<i>`. */
  cell: Map<string, string>;
  /** The table's own rules: each column's width and sticky offset, the row width. */
  css: string;
}

/**
 * Column widths and pins as one small stylesheet scoped to this table (`scope` is a class on its scroll
 * container), so a row's cells carry a class instead of inline styles: React sets no style property per cell,
 * and twenty new rows per keystroke cost their DOM alone.
 */
function layoutOf<T>(
  columns: VirtualColumn<T>[],
  withCheck: boolean,
  scope: string,
  rowHeight: number,
): Layout {
  const widths = [...(withCheck ? [CHECK_WIDTH] : []), ...columns.map((c) => c.width)];
  const keys = [...(withCheck ? ['__check'] : []), ...columns.map((c) => c.key)];
  const pins = [...(withCheck ? (['left'] as const) : []), ...columns.map((c) => c.pin)];
  const rules = keys.map((_, i) => [`width:${widths[i]}px`]);
  let left = 0;
  keys.forEach((_, i) => {
    if (pins[i] !== 'left') return;
    rules[i]!.push('position:sticky', `left:${left}px`, 'z-index:1', 'background:inherit');
    left += widths[i]!;
  });
  let right = 0;
  for (let i = keys.length - 1; i >= 0; i--) {
    if (pins[i] !== 'right') continue;
    rules[i]!.push('position:sticky', `right:${right}px`, 'z-index:1', 'background:inherit');
    if (right === 0) rules[i]!.push('box-shadow:-6px 0 6px -6px rgba(0,0,0,0.2)');
    right += widths[i]!;
  }
  const width = widths.reduce((a, b) => a + b, 0);
  const cell = new Map(keys.map((k, i) => [k, `vt-c vt-c${i}`]));
  const css = [
    `.${scope} .vt-row,.${scope} .vt-head,.${scope} .vt-body{width:${width}px}`,
    `.${scope} .vt-row{height:${rowHeight}px}`,
    ...rules.map((r, i) => `.${scope} .vt-c${i}{${r.join(';')}}`),
  ].join('\n');
  return { width, cell, css };
}

/**
 * The scroll box's size, told by a ResizeObserver (which reports after the browser's own layout) instead of
 * read at mount: reading it then forces a layout of the whole screen before the rows exist, and a second one
 * once they do. The first rows are drawn from `initialRect`, an estimate from the window's size.
 */
function observeRectAfterLayout(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) {
  const el = instance.scrollElement;
  if (!el) return;
  const observer = new ResizeObserver(() => cb({ width: el.clientWidth, height: el.clientHeight }));
  observer.observe(el);
  return () => observer.disconnect();
}

/**
 * Scrolls the box, unless it is already where it is asked to be: the virtualizer asks for its starting offset
 * when it mounts, and a scroll write then would force the same early layout as a read.
 */
const scrollUnlessThere: typeof elementScroll<HTMLDivElement> = (offset, options, instance) => {
  if (!options.adjustments && offset === (instance.scrollOffset ?? 0)) return;
  elementScroll(offset, options, instance);
};

/** The box's height before it is laid out: the number, or `calc(100vh - Npx)` worked out, or the window's. */
function estimateHeight(height: number | string): number {
  if (typeof height === 'number') return height;
  const below = /^calc\(100vh - (\d+)px\)$/.exec(height);
  return below ? Math.max(0, window.innerHeight - Number(below[1])) : window.innerHeight;
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
