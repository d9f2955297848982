/*
 * Checks, run inside the page, that text people need is readable: no word split across two
 * lines in a table cell, and no text cut off with an ellipsis inside the reliability views.
 */

/** The words of table cells that the browser broke across lines, with their cell's text. */
export function brokenWords(page, { cardTitle } = {}) {
  return page.evaluate(title => {
    const broken = [];
    const cells = [...document.querySelectorAll('table th, table td')].filter(
      cell =>
        !title ||
        cell.closest('.MuiCard-root')?.querySelector('.MuiCardHeader-title')
          ?.textContent === title,
    );
    for (const cell of cells) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A line may end after a hyphen ("On-" / "call"), as in print; never inside a word.
        const words = /[^\s-]+/g;
        for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          // One word on two lines has two boxes at different heights.
          const lines = new Set(
            [...range.getClientRects()]
              .filter(rect => rect.width > 0)
              .map(rect => Math.round(rect.top)),
          );
          if (lines.size > 1) {
            broken.push(
              `"${m[0]}" in "${cell.textContent.trim().slice(0, 80)}"`,
            );
          }
        }
      }
    }
    return broken;
  }, cardTitle);
}

/**
 * Elements of the page's main content (or only of the card titled `cardTitle`) whose text
 * overflows behind an ellipsis.
 */
export function truncatedTexts(page, { cardTitle } = {}) {
  return page.evaluate(title => {
    const cut = [];
    const roots = [...document.querySelectorAll('main')];
    const cards = title
      ? [...document.querySelectorAll('.MuiCard-root')].filter(
          card =>
            card.querySelector('.MuiCardHeader-title')?.textContent === title,
        )
      : roots;
    for (const root of cards) {
      for (const element of root.querySelectorAll('*')) {
        const style = getComputedStyle(element);
        if (
          style.textOverflow === 'ellipsis' &&
          element.scrollWidth > element.clientWidth + 1
        ) {
          cut.push(element.textContent.trim().slice(0, 80));
        }
      }
    }
    return cut;
  }, cardTitle);
}
