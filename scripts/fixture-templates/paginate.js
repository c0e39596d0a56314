/*
 * In-page paginator used by scripts/render-fixtures.mjs (runs inside chromium before printing).
 *
 * The generated HTML holds fixed pages (<section class="page">) and "flows" (<div class="flow"
 * data-flow="...">, display:none) whose content is poured into page-sized <section class="page">
 * elements cloned from the flow's <template class="skel">. Every page is exactly one PDF page:
 * the renderer checks that the printed page count equals the number of .page elements.
 *
 *   data-flow="rows"   territorial tables: whole rows only; a row never splits; the band/tab of the
 *                      skeleton is repeated on every continuation page.
 *   data-flow="ruled"  departmental tables: several chantiers per page; a row that does not fit is
 *                      split at a line boundary (head keeps the page, tail goes on the next page);
 *                      a chantier continued on a new page gets "Chantier : <title> (suite)".
 *   data-flow="blocks" prose: headings and paragraphs, a heading is kept with its paragraph.
 *
 * window.fdrPaginate() returns a report describing every page (kind, axis, chantier, rows).
 */
(() => {
  const BREAKY = /[-\/\u2010-\u2015]/;
  const MARKER = /^(- |• |⇒ |\* )/;
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Same rules as inline() in render-fixtures.mjs: tokens with a hyphen/slash/dash never break,
  // and a list marker stays glued to the word after it.
  function fmt(line) {
    const toks = line.split(' ');
    const out = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (i === 0 && toks.length > 1 && MARKER.test(t + ' ')) {
        out.push(`<span class="nw">${esc(t)} ${esc(toks[1])}</span>`);
        i++;
        continue;
      }
      out.push(t.length > 1 && BREAKY.test(t) ? `<span class="nw">${esc(t)}</span>` : esc(t));
    }
    return out.join(' ');
  }

  const warnings = [];
  const content = (page) => page.querySelector('.content');
  const limitOf = (page) => content(page).getBoundingClientRect().bottom;
  function usedBottom(page) {
    const c = content(page);
    const last = c.lastElementChild;
    return last ? last.getBoundingClientRect().bottom : c.getBoundingClientRect().top;
  }
  const overflows = (page) => usedBottom(page) > limitOf(page) + 0.01;
  const remaining = (page) => limitOf(page) - usedBottom(page);

  function newPage(flow) {
    const skel = flow.querySelector('template.skel');
    const p = skel.content.firstElementChild.cloneNode(true);
    flow.parentNode.insertBefore(p, flow);
    return p;
  }
  // colgroup + thead of a source table, copied into every page's table
  const headOf = (table) => (table.querySelector('colgroup') ? table.querySelector('colgroup').outerHTML : '') + table.tHead.outerHTML;
  function newTable(page, theadHtml) {
    const t = document.createElement('table');
    t.className = 'grid';
    t.innerHTML = theadHtml + '<tbody></tbody>';
    content(page).appendChild(t);
    return t.tBodies[0];
  }

  // ---- territorial: whole rows, band repeated ----
  function flowRows(flow) {
    const src = flow.querySelector('table.src');
    const thead = headOf(src);
    const rows = [...src.tBodies[0].rows];
    let page = newPage(flow);
    let tbody = newTable(page, thead);
    let cont = 0;
    for (const r of rows) {
      tbody.appendChild(r);
      if (!overflows(page)) continue;
      if (tbody.rows.length === 1) {
        warnings.push(`row ${r.dataset.id} is taller than a page`);
        continue;
      }
      r.remove();
      page = newPage(flow);
      page.dataset.cont = String(++cont);
      tbody = newTable(page, thead);
      tbody.appendChild(r);
      if (overflows(page)) warnings.push(`row ${r.dataset.id} is taller than a page`);
    }
    flow.remove();
  }

  // ---- departmental: ruled tables, rows may split, "(suite)" titles ----
  function splitBlock(el, limit) {
    const r = el.getBoundingClientRect();
    if (r.bottom <= limit) return null; // fits
    const text = el.textContent;
    const toks = text.split(' ');
    el.innerHTML = toks.map((t) => `<span class="w">${esc(t)}</span>`).join(' ');
    const spans = [...el.querySelectorAll('span.w')];
    const k = spans.findIndex((s) => s.getBoundingClientRect().bottom > limit);
    if (k <= 0 || (k === 1 && MARKER.test(toks[0] + ' '))) {
      el.innerHTML = fmt(text);
      return el; // nothing of it fits: the whole block moves
    }
    el.innerHTML = fmt(toks.slice(0, k).join(' '));
    const c = document.createElement(el.tagName);
    c.className = (el.className ? el.className + ' ' : '') + 'cont';
    c.innerHTML = fmt(toks.slice(k).join(' '));
    return c;
  }
  function splitCell(td, ttd, limit) {
    let spilled = false;
    for (const el of [...td.children]) {
      if (el.tagName === 'UL') {
        let tul = null;
        for (const li of [...el.children]) {
          const part = spilled ? li : splitBlock(li, limit);
          if (part === null) continue;
          spilled = true;
          if (!tul) { tul = document.createElement('ul'); ttd.appendChild(tul); }
          tul.appendChild(part);
        }
        if (!el.children.length) el.remove();
      } else {
        const part = spilled ? el : splitBlock(el, limit);
        if (part === null) continue;
        spilled = true;
        ttd.appendChild(part);
      }
    }
  }
  function splitRow(row, pageLimit) {
    const cs = getComputedStyle(row.cells[0]);
    const lh = parseFloat(cs.lineHeight) || 14;
    const limit = pageLimit - parseFloat(cs.paddingBottom) - 2 - lh * 0.35;
    const tail = row.cloneNode(false);
    tail.classList.remove('split-head');
    let headHas = false, tailHas = false;
    for (const td of [...row.cells]) {
      const ttd = td.cloneNode(false);
      tail.appendChild(ttd);
      splitCell(td, ttd, limit);
      if (td.textContent.trim()) headHas = true;
      if (ttd.textContent.trim()) tailHas = true;
    }
    if (!headHas || !tailHas) {
      // undo (only whole blocks moved in these cases)
      [...tail.cells].forEach((ttd, i) => {
        const td = row.cells[i];
        for (const el of [...ttd.children]) {
          if (el.tagName === 'UL' && td.lastElementChild && td.lastElementChild.tagName === 'UL') {
            for (const li of [...el.children]) td.lastElementChild.appendChild(li);
          } else td.appendChild(el);
        }
      });
      return null;
    }
    row.classList.add('split-head');
    tail.classList.add('split-tail');
    return tail;
  }
  function flowRuled(flow) {
    const MIN_START = 110, MIN_SPLIT = 48;
    let page = null;
    for (const src of [...flow.querySelectorAll('.chantier-src')]) {
      const title = src.dataset.title;
      const table = src.querySelector('table.src');
      const thead = headOf(table);
      let placedAny = false;
      let titleEl = null;
      const open = (suite) => {
        titleEl = null;
        if (title) {
          titleEl = document.createElement('h3');
          titleEl.className = 'chantier' + (suite ? ' suite' : '');
          titleEl.textContent = 'Chantier : ' + title + (suite ? ' (suite)' : '');
          content(page).appendChild(titleEl);
        } else {
          const gap = document.createElement('div');
          gap.className = 'chantier-gap';
          content(page).appendChild(gap);
          titleEl = gap;
        }
        if (suite) page.dataset.suite = '1';
        return newTable(page, thead);
      };
      if (!page || remaining(page) < MIN_START) page = newPage(flow);
      let tbody = open(false);
      for (let row of [...table.tBodies[0].rows]) {
        tbody.appendChild(row);
        let guard = 0;
        while (overflows(page)) {
          if (++guard > 50) throw new Error('pagination loop on ' + row.dataset.id);
          const lim = limitOf(page);
          const top = row.getBoundingClientRect().top;
          const tail = lim - top >= MIN_SPLIT ? splitRow(row, lim) : null;
          if (tail) {
            if (overflows(page)) throw new Error('split row still overflows: ' + row.dataset.id);
            placedAny = true;
            page = newPage(flow);
            tbody = open(true);
            tbody.appendChild(tail);
            row = tail;
            continue;
          }
          row.remove();
          if (tbody.rows.length === 0) {
            tbody.parentNode.remove();
            if (titleEl) titleEl.remove();
          } else placedAny = true;
          page = newPage(flow);
          tbody = open(placedAny);
          tbody.appendChild(row);
        }
        placedAny = true;
      }
    }
    flow.remove();
  }

  // ---- prose blocks ----
  function flowBlocks(flow) {
    const blocks = [...flow.querySelector('.src').children];
    let page = newPage(flow);
    for (const b of blocks) {
      content(page).appendChild(b);
      if (!overflows(page)) continue;
      const prev = b.previousElementSibling;
      const carry = prev && /^H[1-6]$/.test(prev.tagName) ? [prev, b] : [b];
      page = newPage(flow);
      for (const x of carry) content(page).appendChild(x);
      if (overflows(page)) warnings.push('a prose block is taller than a page');
    }
    flow.remove();
  }

  window.fdrPaginate = function fdrPaginate(opts = {}) {
    for (const flow of [...document.querySelectorAll('div.flow')]) {
      const kind = flow.dataset.flow;
      if (kind === 'rows') flowRows(flow);
      else if (kind === 'ruled') flowRuled(flow);
      else if (kind === 'blocks') flowBlocks(flow);
      else throw new Error('unknown flow ' + kind);
    }
    const pages = [...document.querySelectorAll('section.page')];
    const report = [];
    pages.forEach((p, i) => {
      const n = i + 1;
      const f = p.querySelector('.footer');
      if (f) f.textContent = `${n} | ${opts.footer || ''}`;
      if (i === pages.length - 1) p.style.breakAfter = 'auto';
      const c = p.querySelector('.content');
      if (c && c.scrollHeight > c.clientHeight + 1) warnings.push(`page ${n} content overflows`);
      if (p.scrollHeight > p.clientHeight + 1) warnings.push(`page ${n} overflows`);
      const entry = { page: n, kind: p.dataset.kind || 'page' };
      if (p.dataset.axis) entry.axis = Number(p.dataset.axis);
      if (p.dataset.chantier !== undefined) entry.chantier = p.dataset.chantier;
      if (p.dataset.cont) entry.continued = true;
      if (p.dataset.suite) entry.suite = true;
      const titles = [...p.querySelectorAll('h3.chantier')].map((h) => h.textContent);
      if (titles.length) entry.titles = titles;
      const rows = [...p.querySelectorAll('table.grid > tbody > tr')].map((tr) => ({
        id: tr.dataset.id,
        part: tr.classList.contains('split-head') && tr.classList.contains('split-tail') ? 'middle'
          : tr.classList.contains('split-head') ? 'head'
          : tr.classList.contains('split-tail') ? 'tail' : 'whole',
      }));
      if (rows.length) entry.rows = rows;
      report.push(entry);
    });
    return { pages: report, warnings };
  };
})();
