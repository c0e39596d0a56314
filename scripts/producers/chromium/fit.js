/*
 * In-page fitting pass of the chromium producer (runs in chromium after the fonts are loaded and before
 * printing; the sections have the printed content width, so the screen layout is the print layout).
 *
 * window.fdrFit({ minFont }) does two things and returns a report:
 *
 * 1. Cells whose text cannot fit their column (a word, or a token kept unbroken because it holds a real
 *    hyphen, wider than the column: narrow extra columns, large or monospaced fonts). The cell goes
 *    through a ladder, each stage cumulative, and after each stage its font size is lowered by 0.5 pt
 *    steps down to `minFont` until every block fits:
 *      "shrink"    font size only;
 *      "hyphen"    the block's soft-hyphenated text (data-hy, French patterns, words in capitals too)
 *                  replaces it;
 *      "unglue"    (data-ug) tokens holding a real hyphen / slash / dash may also wrap after it (a <wbr>
 *                  after each slash), and their parts are hyphenated;
 *      "anywhere"  overflow-wrap: anywhere (a word is cut without a hyphen: the gold can no longer be
 *                  rebuilt by joining lines with a space; reported).
 * 2. Soft hyphens (U+00AD) that did not end a line are removed, so that the text layer holds U+00AD only
 *    where a word was really hyphenated. Chrome breaks lines greedily, so dropping an unused break
 *    opportunity does not move any line.
 */
(() => {
  const SHY = '\u00ad';
  const overflowing = (el) => el.scrollWidth > el.clientWidth + 0.5;
  const badBlocks = (cell) => [...cell.querySelectorAll('.l')].filter(overflowing);
  const ptOf = (el) => Math.round(parseFloat(getComputedStyle(el).fontSize) * 75) / 100;

  const STAGES = ['shrink', 'hyphen', 'unglue', 'anywhere'];
  function applyStage(stage, cell) {
    for (const b of cell.querySelectorAll('.l')) {
      if (stage === 'hyphen' && b.dataset.hy) b.innerHTML = b.dataset.hy;
      if (stage === 'unglue') {
        if (b.dataset.ug) b.innerHTML = b.dataset.ug;
        else for (const s of [...b.querySelectorAll('.nw')]) s.replaceWith(...s.childNodes);
      }
      if (stage === 'anywhere') b.style.overflowWrap = 'anywhere';
    }
  }

  function fitCells(minFont) {
    const fixes = [];
    for (const cell of document.querySelectorAll('table.t th, table.t td')) {
      if (!badBlocks(cell).length) continue;
      const base = ptOf(cell);
      let done = null;
      let size = base;
      for (const stage of STAGES) {
        applyStage(stage, cell);
        cell.style.fontSize = '';
        size = base;
        let bad = badBlocks(cell);
        if (bad.length) {
          // first guess from the widest overflow, then 0.5 pt steps
          const ratio = Math.min(...bad.map((b) => b.clientWidth / b.scrollWidth));
          const guess = Math.max(minFont, Math.floor(base * ratio * 2) / 2);
          if (guess < base) {
            cell.style.fontSize = `${guess}pt`;
            if (!badBlocks(cell).length) {
              size = guess;
              while (size + 0.5 < base) {
                cell.style.fontSize = `${size + 0.5}pt`;
                if (badBlocks(cell).length) break;
                size += 0.5;
              }
              cell.style.fontSize = `${size}pt`;
              bad = [];
            } else {
              size = guess;
              bad = badBlocks(cell);
            }
          }
        }
        while (bad.length && size - 0.5 >= minFont - 1e-9) {
          size -= 0.5;
          cell.style.fontSize = `${size}pt`;
          bad = badBlocks(cell);
        }
        bad = bad.length;
        if (!bad) { done = stage; break; }
      }
      if (size === base) cell.style.fontSize = '';
      const row = cell.closest('tr');
      fixes.push({
        where: cell.tagName === 'TH' ? 'header' : (row && row.dataset.id) || 'band',
        column: cell.dataset.col || '',
        stage: done || 'overflow',
        fontPt: size,
        text: cell.textContent.replace(/\u00ad/g, '').slice(0, 40),
      });
    }
    return fixes;
  }

  function pruneSoftHyphens() {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) if (walker.currentNode.data.includes(SHY)) nodes.push(walker.currentNode);
    const range = document.createRange();
    const edits = [];
    let used = 0;
    let total = 0;
    for (const n of nodes) {
      const s = n.data;
      const keep = new Set();
      for (let i = s.indexOf(SHY); i >= 0; i = s.indexOf(SHY, i + 1)) {
        total++;
        if (i === 0 || i + 1 >= s.length) continue;
        // one client rect per line fragment (a single-character range's bounding box is not enough:
        // after a hyphenation point it also holds an empty rect at the end of the previous line)
        range.setStart(n, i - 1); range.setEnd(n, i + 2);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
        if (rects.length > 1 && rects[rects.length - 1].top > rects[0].top + rects[0].height / 2) keep.add(i);
      }
      used += keep.size;
      edits.push([n, keep]);
    }
    for (const [n, keep] of edits) {
      let out = '';
      const s = n.data;
      for (let i = 0; i < s.length; i++) if (s[i] !== SHY || keep.has(i)) out += s[i];
      n.data = out;
    }
    return { softHyphens: total, used };
  }

  // With rowsBreakAcrossPages false, a row that cannot fit on a page under its table header and a chantier
  // heading would leave a near-empty page (or push its heading apart): such a row is marked "tall" and
  // may break, as a typesetter would have to.
  function markTallRows(contentPx) {
    if (!document.body.classList.contains('nobreak')) return 0;
    let n = 0;
    for (const table of document.querySelectorAll('table.t')) {
      const head = table.tHead ? table.tHead.getBoundingClientRect().height : 0;
      const prev = table.previousElementSibling;
      const heading = prev && prev.classList.contains('chantier-h') ? prev.getBoundingClientRect().height + 12 : 0;
      const axisH = table.parentElement.querySelector('.axis-h');
      const axis = axisH ? axisH.getBoundingClientRect().height + 24 : 0;
      for (const tr of table.tBodies[0].rows) {
        const band = tr.classList.contains('band') ? 0 : 1;
        const room = contentPx - head - heading - axis - 4;
        if (band && tr.getBoundingClientRect().height > room) { tr.classList.add('tall'); n++; }
      }
    }
    return n;
  }

  window.fdrFit = function fdrFit(opts = {}) {
    const fixes = fitCells(opts.minFont || 6);
    const tallRows = markTallRows(opts.contentPx || 1e9);
    const before = document.body.scrollHeight;
    const shy = pruneSoftHyphens();
    const after = document.body.scrollHeight;
    return { fixes, tallRows, ...shy, heightChanged: before !== after };
  };
})();
