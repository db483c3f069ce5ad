// The virtual table's geometry: column widths and pins as a small scoped stylesheet, and how the virtualizer
// learns the scroll box's size and writes its scroll position without forcing early layouts.
import { elementScroll, type Rect, type Virtualizer } from '@tanstack/react-virtual';

export const CHECK_WIDTH = 40;

export interface Layout {
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
export function layoutOf(
  columns: ReadonlyArray<{ key: string; width: number; pin?: 'left' | 'right' | undefined }>,
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
export function observeRectAfterLayout(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: Rect) => void,
) {
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
export const scrollUnlessThere: typeof elementScroll<HTMLDivElement> = (offset, options, instance) => {
  if (!options.adjustments && offset === (instance.scrollOffset ?? 0)) return;
  elementScroll(offset, options, instance);
};

/** The box's height before it is laid out: the number, or `calc(100vh - Npx)` worked out, or the window's. */
export function estimateHeight(height: number | string): number {
  if (typeof height === 'number') return height;
  const below = /^calc\(100vh - (\d+)px\)$/.exec(height);
  return below ? Math.max(0, window.innerHeight - Number(below[1])) : window.innerHeight;
}
