/**
 * The rows, windowed: only the rows in view (plus a few either side) are in the DOM, at
 * absolute offsets inside a spacer as tall as all rows, so 10,000 writes scroll as smoothly
 * as 10. Rows have one fixed height, which keeps the window arithmetic exact without
 * measuring each row (a small own windowing instead of a library: bench/timeline.mjs).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { TimelineWrite } from "../../../timeline";
import styles from "./Timeline.module.css";
import { ROW_HEIGHT, TimelineRow } from "./TimelineRow";

const OVERSCAN = 8;
/** When the scroller has no layout yet (first frame, or jsdom): a typical panel height. */
const FALLBACK_HEIGHT = 600;

/** The row indexes to render for a scroll position. */
export function windowOf(count: number, scrollTop: number, height: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  return [first, last];
}

interface Props {
  writes: readonly TimelineWrite[];
  highlighted: ReadonlySet<number>;
  /** When set, scroll this seq into view. */
  scrollTo: number | null;
}

export function TimelineRows({ writes, highlighted, scrollTo }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || FALLBACK_HEIGHT);
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = scroller.current;
    if (!el || scrollTo === null) return;
    const index = writes.findIndex((w) => w.seq === scrollTo);
    if (index >= 0) {
      el.scrollTop = index * ROW_HEIGHT;
      setScrollTop(el.scrollTop);
    }
  }, [scrollTo, writes]);

  const [first, last] = windowOf(writes.length, scrollTop, height);
  return (
    <div
      ref={scroller}
      class={styles.scroller}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div style={{ height: `${writes.length * ROW_HEIGHT}px`, position: "relative" }}>
        {writes.slice(first, last).map((w, i) => (
          <TimelineRow
            key={w.seq}
            write={w}
            top={(first + i) * ROW_HEIGHT}
            highlighted={highlighted.has(w.seq)}
          />
        ))}
      </div>
    </div>
  );
}
