import { toPng } from 'html-to-image';

/** Shows what only the picture carries (its heading) while it is drawn; see journey-map.css. */
const EXPORTING = 'map-exporting';

/**
 * Saves an element as a PNG file, drawn by the browser from the page as it is (html-to-image: the
 * element cloned into an SVG and painted on a canvas), at twice the screen's pixels so text stays sharp
 * when the image is zoomed or printed. The element is drawn at its full width even when scrolled.
 */
export async function downloadPng(element: HTMLElement, fileName: string): Promise<void> {
  element.classList.add(EXPORTING);
  let dataUrl: string;
  try {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    dataUrl = await toPng(element, {
      pixelRatio: 2,
      backgroundColor: '#ffffff',
      width: element.scrollWidth,
      height: element.scrollHeight,
    });
  } finally {
    element.classList.remove(EXPORTING);
  }
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
