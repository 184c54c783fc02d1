import { useEffect, type RefObject } from 'react';

/** A4 landscape less the 7 mm margins of journey-map.css's @page, in CSS pixels, a little to spare. */
const PAGE = { width: 1060, height: 730 };
const LAYOUT = 'map-print-layout';

/**
 * Fits the map on one printed page, whatever its number of stages and the length of its texts. Before
 * the browser prints, the sheet takes its print layout at a chosen width and is measured; a sheet too
 * tall is widened and zoomed out, so its text wraps less, and measured again (three rounds are close
 * enough); the zoom of the last measure fits the page both ways. The class and the zoom are set on the element itself: the print starts right after the
 * beforeprint event, before React would render again.
 */
export function usePrintFit(sheet: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const fit = () => {
      const el = sheet.current;
      if (!el) return;
      el.classList.add(LAYOUT);
      let width = PAGE.width;
      let zoom = 1;
      for (let round = 0; round < 3; round++) {
        el.style.width = `${width}px`;
        const height = el.getBoundingClientRect().height;
        // The zoom this measured layout needs to fit both ways; the last round's is the one kept.
        zoom = Math.min(1, PAGE.height / height, PAGE.width / width);
        if (zoom === PAGE.width / width) break;
        width = PAGE.width / zoom;
      }
      el.style.setProperty('--map-zoom', String(zoom));
    };
    const restore = () => {
      const el = sheet.current;
      if (!el) return;
      el.classList.remove(LAYOUT);
      el.style.removeProperty('width');
      el.style.removeProperty('--map-zoom');
    };
    window.addEventListener('beforeprint', fit);
    window.addEventListener('afterprint', restore);
    return () => {
      window.removeEventListener('beforeprint', fit);
      window.removeEventListener('afterprint', restore);
    };
  }, [sheet]);
}
