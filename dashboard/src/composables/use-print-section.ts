import { onScopeDispose } from 'vue';

/**
 * Prints one section of a page: `html.<className>` tells the print stylesheet (styles.css) which
 * section stays on paper, from the click until the print dialog closes (or the view goes away).
 */
export function usePrintSection(className: string): { print: () => void } {
  const root = document.documentElement;
  const afterPrint = () => root.classList.remove(className);
  window.addEventListener('afterprint', afterPrint);
  onScopeDispose(() => {
    window.removeEventListener('afterprint', afterPrint);
    afterPrint();
  });
  return {
    print() {
      root.classList.add(className);
      window.print();
    },
  };
}
