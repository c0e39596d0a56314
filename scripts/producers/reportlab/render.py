#!/usr/bin/python3
"""Renders one gold roadmap (fixtures/gold/*.gold.json) to PDF with ReportLab Platypus.

Driven by scripts/producers/reportlab.mjs, which writes one JSON job on stdin:
    {"gold": {...}, "params": VariantParams, "doc": {...precomputed texts and producer options...}, "out": "x.pdf"}
and reads one JSON report on stdout:
    {"unsupported": [...], "pages": N, "layout": [...per-page description...], "reportlab": "3.6.12", ...}

Run with Debian's /usr/bin/python3 (python3-reportlab); python3-pyphen is optional (hyphenation).

What the document looks like (same order as the Chromium fixtures, see fixtures/README.md):
cover, editorial + signatories, "RAPPEL DES 12 AXES PRIORITAIRES :", then per axis a divider page
("Action prioritaire" / "#N" / title) or an axis heading "Action prioritaire #N : <title>" on a new page,
the chantier tables, and "LES PRIORITÉS RÉGIONALES TRANSVERSALES" at the end. Footer "<n> | <title>"
on every page except the cover and the dividers. ReportLab idiom: the footer is drawn by the page
template's onPage, i.e. BEFORE the page content in the content stream; bands and side tabs are drawn
by onPageEnd, i.e. AFTER the content (the tab last).

ReportLab behaviours kept as they are (they are what this producer does):
- LongTable(splitInRow): a row is cut at a line boundary of each cell; cells whose text has ended are
  empty in the continuation, which comes under the repeated header (if repeatHeader) with no "(suite)".
- ROWBACKGROUNDS (zebra) starts again on each part of a split table, so the continuation of a split
  row may be shaded differently from its first part.
- Paragraph wraps at spaces only (no break after "-" or "/"); with hyphenation (pyphen fr_FR) a wrapped
  word gets a "-" at the line end, in the text layer.
Work-arounds (see the code): column widths are raised to the longest word of each column, and the table
font lowered (reported as unsupported 'fontSize') when that cannot fit, so that Paragraph never cuts a word
without a hyphen; an in-row split that LongTable refuses (Paragraph orphan control) is retried a little
higher, and the rest of a split table always goes to the next page (FrameBreak); a chantier heading cell
spanning rows ("beside") is repeated on each page part, because ReportLab cannot split inside a row span.
"""
import json
import os
import re
import sys

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, FrameBreak, KeepTogether, ListFlowable, ListItem,
                                LongTable, NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer,
                                TableStyle)
from reportlab.platypus.flowables import LIIndenter

RL_VERSION = tuple(int(x) for x in re.findall(r'\d+', reportlab.Version)[:3])
HAS_SPLIT_IN_ROW = 'splitInRow' in LongTable.__init__.__code__.co_varnames
try:
    import pyphen  # noqa: F401
    HAS_PYPHEN = True
except Exception:
    HAS_PYPHEN = False

# ----------------------------------------------------------------------------------------------
# fonts

LIB = '/usr/share/fonts/truetype/liberation/'
DJV = '/usr/share/fonts/truetype/dejavu/'
FONT_FILES = {
    'LiberationSans': LIB + 'LiberationSans-Regular.ttf',
    'LiberationSans-Bold': LIB + 'LiberationSans-Bold.ttf',
    'LiberationSerif': LIB + 'LiberationSerif-Regular.ttf',
    'LiberationSerif-Bold': LIB + 'LiberationSerif-Bold.ttf',
    'LiberationMono': LIB + 'LiberationMono-Regular.ttf',
    'LiberationMono-Bold': LIB + 'LiberationMono-Bold.ttf',
    'LiberationSansNarrow': LIB + 'LiberationSansNarrow-Regular.ttf',
    'LiberationSansNarrow-Bold': LIB + 'LiberationSansNarrow-Bold.ttf',
    'DejaVuSans': DJV + 'DejaVuSans.ttf',
    'DejaVuSans-Bold': DJV + 'DejaVuSans-Bold.ttf',
    'DejaVuSansCondensed': DJV + 'DejaVuSansCondensed.ttf',
    'DejaVuSansCondensed-Bold': DJV + 'DejaVuSansCondensed-Bold.ttf',
}
# font class (VariantParams.font) -> (regular, bold), first available wins
FONT_CLASSES = {
    'sans': [('LiberationSans', 'LiberationSans-Bold'), ('DejaVuSans', 'DejaVuSans-Bold')],
    'serif': [('LiberationSerif', 'LiberationSerif-Bold'), ('DejaVuSans', 'DejaVuSans-Bold')],
    'condensed': [('DejaVuSansCondensed', 'DejaVuSansCondensed-Bold'), ('LiberationSansNarrow', 'LiberationSansNarrow-Bold'),
                  ('DejaVuSans', 'DejaVuSans-Bold')],
    'mono-ish': [('LiberationMono', 'LiberationMono-Bold'), ('DejaVuSans', 'DejaVuSans-Bold')],
}
FALLBACK = ('DejaVuSans', 'DejaVuSans-Bold')  # for glyphs a font lacks (⇒ in Liberation)
_registered = {}


def register(name):
    if name in _registered:
        return _registered[name]
    path = FONT_FILES.get(name)
    ok = bool(path and os.path.exists(path))
    if ok:
        pdfmetrics.registerFont(TTFont(name, path))
    _registered[name] = ok
    return ok


def pick_fonts(cls):
    for reg, bold in FONT_CLASSES.get(cls, FONT_CLASSES['sans']):
        if register(reg) and register(bold):
            pdfmetrics.registerFontFamily(reg, normal=reg, bold=bold, italic=reg, boldItalic=bold)
            return reg, bold
    raise SystemExit('no usable TTF font: install fonts-liberation and fonts-dejavu-core')


def has_glyph(font, ch):
    f = pdfmetrics.getFont(font)
    return ord(ch) in f.face.charToGlyph


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def markup(text, font, bold=False):
    """Paragraph markup for plain text: escaped, glyphs the font lacks wrapped in the DejaVu fallback."""
    fb = FALLBACK[1] if bold else FALLBACK[0]
    out = []
    for ch in text:
        if ch in ' \n' or has_glyph(font, ch):
            out.append(esc(ch))
        else:
            out.append('<font name="%s">%s</font>' % (fb, esc(ch)))
    return ''.join(out).replace('</font><font name="%s">' % fb, '')


# ----------------------------------------------------------------------------------------------
# small flowables


class Mark(Flowable):
    """Zero-size flowable: records where it was drawn (page) into the shared layout log."""

    def __init__(self, log, what):
        Flowable.__init__(self)
        self.log, self.what = log, what
        self.width = self.height = 0

    def wrap(self, aW, aH):
        return 0, 0

    def split(self, aW, aH):
        return []

    def draw(self):
        self.log.append((self.canv.getPageNumber(), self.what))


class SetState(Mark):
    """Zero-size flowable that updates the page state read by onPageEnd (band, side tab)."""

    def __init__(self, state, **kw):
        Mark.__init__(self, [], None)
        self.state, self.kw = state, kw

    def draw(self):
        self.state.update(self.kw)


class PathBullet:
    """Stands in for ListFlowable's BulletDrawer: draws the bullet as a filled circle (a path), so that
    the glyph is NOT in the text layer."""

    def __init__(self, fontSize, color=colors.black):
        self.fs, self.color = fontSize, color

    def drawOn(self, indenter, canv, x, y, _sW=0):
        fs = self.fs
        canv.saveState()
        canv.setFillColor(self.color)
        canv.circle(x + fs * 0.22, y + indenter.height - fs + fs * 0.33, fs * 0.17, stroke=0, fill=1)
        canv.restoreState()


# ----------------------------------------------------------------------------------------------
# tables


def _empty_row(cells):
    """True when no cell of a table row holds anything but zero-size marks."""
    for c in cells:
        if isinstance(c, str):
            if c.strip():
                return False
        elif c and any(not isinstance(f, Mark) for f in c):
            return False
    return True


class RLTable(LongTable):
    """LongTable whose split honours rowsBreakAcrossPages:
    - rows may break: in-row split first (splitInRow), then between rows;
    - rows may not break: between rows only, unless the next row alone is taller than a whole page
      (then it is split in-row, as any producer must)."""
    allowRowBreak = True
    fullH = 10 ** 6

    def onSplit(self, T, byRow=1):
        T.allowRowBreak, T.fullH = self.allowRowBreak, self.fullH

    def _inRow(self, aH):
        # LongTable's in-row split gives up when, at the cut, a cell's paragraph would leave a single
        # line behind (Paragraph orphan control) and the whole paragraph does not fit in the rest of the
        # row: then cut a little higher, a few points at a time.
        # A cut that leaves one part of the row with no text at all (an empty row at the foot of the page,
        # or an empty continuation row: the row's computed height is a little larger than its text) is
        # not taken either; an empty continuation that is the table's last row is simply dropped.
        h = aH
        while h > max(self.splitInRow, 1):
            r = self._splitRows(h, doInRowSplit=1)
            if r and len(r) == 2:
                R0, R1 = r
                rr = R1.repeatRows if isinstance(R1.repeatRows, int) else len(R1.repeatRows)
                head, tail = R0._cellvalues[-1], (R1._cellvalues[rr] if rr < len(R1._cellvalues) else None)
                if tail is not None and _empty_row(tail) and len(R1._cellvalues) == rr + 1 and not _empty_row(head):
                    return [R0]
                if not _empty_row(head) and (tail is None or not _empty_row(tail)):
                    # the first part may end well above the frame's foot (cut higher, or a short last
                    # line): the rest must still go to the next page, not under it on this one
                    return [R0, FrameBreak(), R1]
            elif r:
                return r
            h -= 3
        return []

    def split(self, aW, aH):
        self._calc(aW, aH)
        if not HAS_SPLIT_IN_ROW:
            return self._splitRows(aH) or []
        if self.allowRowBreak:
            return self._inRow(aH) or self._splitRows(aH, doInRowSplit=0) or []
        r = self._splitRows(aH, doInRowSplit=0)
        if r:
            return r
        rr = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        if rr < len(self._rowHeights) and sum(self._rowHeights[:rr + 1]) > self.fullH:
            return self._inRow(aH)
        return []


class Ctx:
    pass


def table_styles(ctx, nrows, top_rows, first_col=0, inside=False):
    """TableStyle commands. top_rows = rows above the body (chantier row if inside, header row)."""
    p = ctx.params
    pad = p['cellPadding']
    cmds = [
        ('VALIGN', (0, 0), (-1, -1), 'TOP'),
        ('LEFTPADDING', (0, 0), (-1, -1), pad + 1),
        ('RIGHTPADDING', (0, 0), (-1, -1), pad + 1),
        ('TOPPADDING', (0, 0), (-1, -1), pad),
        ('BOTTOMPADDING', (0, 0), (-1, -1), pad + 1),
    ]
    hdr = top_rows - 1 if ctx.header_on else None
    if inside:
        cmds += [('SPAN', (0, 0), (-1, 0)), ('BACKGROUND', (0, 0), (-1, 0), ctx.band_color),
                 ('TOPPADDING', (0, 0), (-1, 0), pad + 2), ('BOTTOMPADDING', (0, 0), (-1, 0), pad + 2)]
    if hdr is not None and p['headerShading']:
        cmds.append(('BACKGROUND', (first_col, hdr), (-1, hdr), ctx.header_bg))
    if p['zebra'] and nrows > top_rows:
        cmds.append(('ROWBACKGROUNDS', (first_col, top_rows), (-1, -1), [colors.white, ctx.zebra_bg]))
    rules = p['rules']
    lw, lc = 0.5, colors.HexColor('#444444')
    if rules == 'grid':
        cmds.append(('GRID', (0, 0), (-1, -1), lw, lc))
    elif rules == 'horizontal':
        cmds.append(('LINEABOVE', (0, 0), (-1, 0), lw, lc))
        cmds.append(('LINEBELOW', (0, 0), (-1, -1), lw, lc))
    elif rules == 'header-only' and hdr is not None:
        cmds.append(('LINEBELOW', (0, hdr), (-1, hdr), 1, lc))
    return cmds


def header_row(ctx, first_col):
    row = [[]] if first_col else []
    for h in ctx.headers:
        row.append([Paragraph(markup(h, ctx.bold, True), ctx.st['th'])])
    return row


def make_table(ctx, data, top_rows, first_col=0, inside=False, extra_cmds=()):
    p = ctx.params
    rep = top_rows if p['repeatHeader'] else 0
    kw = {}
    if HAS_SPLIT_IN_ROW:
        # splitInRow = the least height (about two lines) a row's first part may have; the order of the
        # attempts (in-row or between rows first) is RLTable.split's, per rowsBreakAcrossPages
        kw = dict(splitByRow=1, splitInRow=int(ctx.leading * 2 + p['cellPadding'] * 2 + 1))
    t = RLTable(data, colWidths=ctx.colw_beside if first_col else ctx.colw, repeatRows=rep, hAlign='LEFT', **kw)
    t.allowRowBreak = bool(p['rowsBreakAcrossPages'])
    t.fullH = ctx.frame_h
    t.setStyle(TableStyle(table_styles(ctx, len(data), top_rows, first_col, inside) + list(extra_cmds)))
    return t


class BesideTable(Flowable):
    """One table per axis whose first column holds each chantier's heading in a cell spanning the
    chantier's rows. ReportLab cannot split a table inside a row span, so split() lays out a twin
    without spans, cuts it with the ordinary (in-row) split, and rebuilds both parts with their spans:
    a chantier cut by the page break gets its heading cell again on the next page."""

    def __init__(self, ctx, rows, header_on):
        Flowable.__init__(self)
        self.ctx, self.rows, self.header_on = ctx, rows, header_on  # rows: [(group, cells, src)]
        self._t = None

    def _build(self, spans=True):
        ctx = self.ctx
        saved = ctx.header_on
        ctx.header_on = self.header_on
        data = [header_row(ctx, 1)] if self.header_on else []
        top = len(data)
        cmds = []
        i = 0
        while i < len(self.rows):
            j = i
            while j + 1 < len(self.rows) and self.rows[j + 1][0] == self.rows[i][0]:
                j += 1
            for k in range(i, j + 1):
                head = [] if (k > i or not spans) else ctx.beside_heading(self.rows[i][0])
                data.append([head] + list(self.rows[k][1]))
            if spans:
                cmds += [('SPAN', (0, top + i), (0, top + j)), ('BACKGROUND', (0, top + i), (0, top + j), ctx.beside_bg)]
                if ctx.params['rules'] in ('none', 'header-only'):
                    cmds.append(('LINEBELOW', (0, top + j), (-1, top + j), 0.75, ctx.band_color))
            i = j + 1
        t = make_table(ctx, data, top, first_col=1, extra_cmds=cmds)
        ctx.header_on = saved
        return t, top

    def wrap(self, aW, aH):
        self._t, _ = self._build()
        self.width, self.height = self._t.wrapOn(self.canv, aW, aH)
        return self.width, self.height

    def draw(self):
        self._t.drawOn(self.canv, 0, 0)

    def split(self, aW, aH):
        # A heading cell taller than its rows in the first part makes that part taller than the twin's:
        # then cut the twin again with less room (a few tries), else move the whole table on.
        # The twin's in-row split cuts at line boundaries, so a cut a point higher may land on the same
        # line again: after six small steps, step down by a whole line.
        ah = aH
        for attempt in range(12):
            r = self._split_at(aW, ah)
            if not r:
                return []
            P0 = r[0]
            _, h0 = P0.wrapOn(self.canv, aW, aH)
            if h0 <= aH + 0.01:
                return [P0, FrameBreak(), r[1]] if len(r) == 2 else [P0]
            ah -= h0 - aH + 1 if attempt < 6 else max(h0 - aH + 1, self.ctx.leading)
            if ah <= 0:
                return []
        return []

    def _split_at(self, aW, aH):
        twin, top = self._build(spans=False)
        twin.wrapOn(self.canv, aW, aH)
        parts = [t for t in twin.split(aW, aH) if isinstance(t, LongTable)]
        if len(parts) == 1:  # an empty continuation row was dropped: all the text is in the first part
            body0 = parts[0]._cellvalues[top:]
            return [BesideTable(self.ctx, [(self.rows[i][0], body0[i][1:], self.rows[i][2]) for i in range(len(body0))],
                                self.header_on)]
        if len(parts) != 2:
            return []
        R0, R1 = parts
        top1 = top if self.ctx.params['repeatHeader'] else 0
        body0 = R0._cellvalues[top:]
        body1 = R1._cellvalues[top1:]
        n0, n1 = len(body0), len(body1)
        if n0 == 0:
            return []
        cut = n0 + n1 == len(self.rows) + 1  # a row was split in two
        rows0 = [(self.rows[i][0], body0[i][1:], self.rows[i][2]) for i in range(n0)]
        off = n0 - 1 if cut else n0
        rows1 = [(self.rows[off + j][0], body1[j][1:], self.rows[off + j][2]) for j in range(n1)]
        return [BesideTable(self.ctx, rows0, self.header_on),
                BesideTable(self.ctx, rows1, self.header_on and self.ctx.params['repeatHeader'])]


KNOWN = ('action', 'financement', 'indicateur', 'commentaire')


def word_width(text, font, size):
    words = [w for w in re.split(r'\s+', text or '') if w]
    return max([stringWidth(w, font, size) for w in words] + [0])


def fit_widths(fracs, need, total):
    """Column widths from fractions of `total`, each at least need[i] when possible. Returns (widths, ok)."""
    w = [f * total for f in fracs]
    fixed = set()
    for _ in range(len(w) + 1):
        short = [i for i in range(len(w)) if i not in fixed and w[i] < need[i] - 1e-6]
        if not short:
            break
        fixed.update(short)
        rest = total - sum(need[i] for i in fixed)
        free = [i for i in range(len(w)) if i not in fixed]
        if rest <= 0 or not free:
            return [f * total for f in fracs], False
        fsum = sum(fracs[i] for i in free)
        w = [need[i] if i in fixed else fracs[i] / fsum * rest for i in range(len(w))]
    return w, all(w[i] >= need[i] - 1e-6 for i in range(len(w)))


# ----------------------------------------------------------------------------------------------
# cells

MARKER = re.compile(r'^(- |• |⇒ |\* )')
ANY_MARKER = re.compile(r'^(- |• |⇒ |\* )', re.M)


def cell_flowables(ctx, text, rid=None, col=None):
    """Gold cell text -> list of flowables. '\n' = a new paragraph or list item."""
    out = []
    if rid is not None:
        out.append(Mark(ctx.marks, (rid, 'start')))
    if text:
        lines = text.split('\n')
        group = []  # pending engine list items: (marker, text)

        def flush():
            if not group:
                return
            marker = group[0][0]
            glyph = marker.strip()
            bfont = ctx.font if has_glyph(ctx.font, glyph) else FALLBACK[0]
            items = []
            for idx, (_, t) in enumerate(group):
                st = ctx.st['li'] if (out_has_text() or idx) else ctx.st['li0']
                items.append(ListItem(Paragraph(markup(t, ctx.font), st), value=glyph))
            lf = ListFlowable(items, bulletType='bullet', start=glyph, leftIndent=ctx.hang,
                              bulletFontName=bfont, bulletFontSize=ctx.fs, bulletDedent='auto')
            # ListFlowable.split() returns its whole content, and LongTable's in-row split keeps only
            # the first two pieces of a split flowable: so the list's LIIndenters go into the cell.
            content = list(lf._content)
            for li in content:
                if ctx.path_bullets and glyph == '•' and isinstance(li, LIIndenter) and li._bullet is not None:
                    li._bullet = PathBullet(ctx.fs)
                    ctx.path_bullet_count += 1
            out.extend(content)
            ctx.engine_items += len(group)
            del group[:]

        def out_has_text():
            return any(not isinstance(f, Mark) for f in out)

        for line in lines:
            m = MARKER.match(line)
            if m and m.group(1).strip() in ctx.engine_markers:
                if group and group[0][0] != m.group(1):
                    flush()
                group.append((m.group(1), line[len(m.group(1)):]))
                continue
            flush()
            first = not out_has_text()
            if m:  # typed marker: kept in the text, hanging indent
                st = ctx.st['typed0'] if first else ctx.st['typed']
            else:
                st = ctx.st['p0'] if first else ctx.st['p']
            out.append(Paragraph(markup(line, ctx.font), st))
        flush()
    if rid is not None:
        out.append(Mark(ctx.marks, (rid, 'end')))
    return out


# ----------------------------------------------------------------------------------------------
# document


def main():
    job = json.load(sys.stdin)
    gold, p, doc = job['gold'], job['params'], job['doc']
    opts = doc.get('producer', {})
    unsupported = []

    ctx = Ctx()
    ctx.params = p
    ctx.font, ctx.bold = pick_fonts(p['font'])
    register(FALLBACK[0]), register(FALLBACK[1])
    ctx.marks = []
    ctx.engine_markers = set(opts.get('engineMarkers', []))
    ctx.path_bullets = bool(opts.get('pathBullets'))
    ctx.path_bullet_count = 0
    ctx.engine_items = 0
    ctx.header_bg = colors.HexColor('#d5e3f2')
    ctx.zebra_bg = colors.HexColor('#edf2f7')
    ctx.band_color = colors.HexColor('#0b4f8a')
    ctx.tab_color = colors.HexColor('#e8a33d')
    ctx.beside_bg = colors.HexColor('#dce8f4')

    # ---- page geometry
    landscape_ = p['orientation'] == 'landscape'
    W, H = landscape(A4) if landscape_ else A4
    tab = p['sideTab']
    tab_w = 0 if tab == 'none' else (44 if tab == 'horizontal' or not landscape_ else 56)
    if landscape_ and tab == 'horizontal':
        tab_w = 70
    left = 34 if landscape_ else 40
    right = (W - left - tab_w - 12) if tab_w else W - left
    bottom = 45
    top = H - 38
    band_h = float(opts.get('bandHeight', 78))
    pw = right - left  # prose width
    # producer option tableWidth < 1: a narrower table area, centred in the space left of the side tab
    fw = pw * float(opts.get('tableWidth', 1.0))
    tleft = left + (pw - fw) / 2
    z = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    frames = {
        'plain': Frame(left, bottom, pw, top - bottom, id='plain', **z),
        'table': Frame(tleft, bottom, fw, top - bottom, id='table', **z),
        'band': Frame(tleft, bottom, fw, H - band_h - 18 - bottom, id='band', **z),
    }
    ctx.frame_h = (H - band_h - 18 - bottom) if opts.get('canvasBand') else (top - bottom)

    # column widths
    cols = p['columns']
    ctx.headers = doc['headers']
    # A word wider than its column would be cut by Paragraph's splitLongWords without a hyphen (text no
    # reader can mend): widen such columns to their longest word, taking the room from the others; if the
    # words cannot fit at the asked size, lower the table font by 0.5 pt steps (and report 'fontSize').
    texts = [[] for _ in cols]
    for ai, axis in enumerate(gold['axes']):
        for ci, ch in enumerate(axis['chantiers']):
            for k, a in enumerate(ch['actions']):
                ex = doc['extras'].get('%d.%d.%d' % (ai, ci, k), {})
                for j, c in enumerate(cols):
                    texts[j].append(a.get(c['key'], '') if c['key'] in KNOWN else ex.get(c['key'], ''))
    heads = [h for hs in doc['headings'] for h in hs]
    pad = 2 * (p['cellPadding'] + 1) + 2
    fs = float(p['fontSize'])
    while True:
        hang = max(3 * mm, fs * 1.1)
        need = [max([word_width(t, ctx.font, fs) + (hang if ANY_MARKER.search(t) else 0) for t in texts[j]]
                    + [word_width(ctx.headers[j], ctx.bold, fs + 0.5)]) + pad for j in range(len(cols))]
        colw, ok = fit_widths([c['width'] for c in cols], need, fw)
        need0 = max([word_width(h, ctx.bold, fs) for h in heads] + [0]) + pad
        colw_b, ok_b = fit_widths([0.15] + [c['width'] * 0.85 for c in cols], [need0] + need, fw)
        if p['chantierBand'] == 'beside':
            ok = ok_b
        if ok or fs <= 6:
            break
        fs -= 0.5
    if fs != float(p['fontSize']):
        unsupported.append('fontSize')
    if not ok:
        unsupported.append('columns')  # some words still wider than their column: cut without a hyphen
    ctx.colw, ctx.colw_beside = colw, colw_b
    ctx.fs, ctx.hang = fs, hang
    ctx.leading = fs * float(p['lineSpacing'])

    hyph = {}
    if p.get('hyphenate'):
        if HAS_PYPHEN and RL_VERSION >= (3, 5, 0):
            hyph = dict(hyphenationLang='fr_FR', embeddedHyphenation=0)
        else:
            unsupported.append('hyphenate')
    if not HAS_SPLIT_IN_ROW and p.get('rowsBreakAcrossPages'):
        unsupported.append('rowsBreakAcrossPages')

    align = TA_JUSTIFY if p['justify'] else TA_LEFT
    sp = float(p['paragraphSpacing'])
    base = dict(fontName=ctx.font, fontSize=ctx.fs, leading=ctx.leading, alignment=align, **hyph)
    st = {
        'p0': ParagraphStyle('p0', spaceBefore=0, **base),
        'p': ParagraphStyle('p', spaceBefore=sp, **base),
        'typed0': ParagraphStyle('typed0', spaceBefore=0, leftIndent=ctx.hang, firstLineIndent=-ctx.hang, **base),
        'typed': ParagraphStyle('typed', spaceBefore=sp, leftIndent=ctx.hang, firstLineIndent=-ctx.hang, **base),
        'li0': ParagraphStyle('li0', spaceBefore=0, **base),
        'li': ParagraphStyle('li', spaceBefore=sp, **base),
        'th': ParagraphStyle('th', fontName=ctx.bold, fontSize=ctx.fs + 0.5, leading=(ctx.fs + 0.5) * 1.2,
                             alignment=TA_CENTER if p['rules'] == 'grid' else TA_LEFT),
        'chantier': ParagraphStyle('chantier', fontName=ctx.bold, fontSize=ctx.fs + 2.5, leading=(ctx.fs + 2.5) * 1.25,
                                   spaceBefore=10, spaceAfter=5, keepWithNext=1, textColor=ctx.band_color),
        'inside': ParagraphStyle('inside', fontName=ctx.bold, fontSize=ctx.fs + 1.5, leading=(ctx.fs + 1.5) * 1.25,
                                 textColor=colors.white),
        'beside': ParagraphStyle('beside', fontName=ctx.bold, fontSize=ctx.fs, leading=ctx.fs * 1.25,
                                 textColor=ctx.band_color),
        'axis': ParagraphStyle('axis', fontName=ctx.bold, fontSize=16, leading=20, spaceAfter=12, keepWithNext=1),
        'h1': ParagraphStyle('h1', fontName=ctx.bold, fontSize=16, leading=20, spaceAfter=14),
        'h4': ParagraphStyle('h4', fontName=ctx.bold, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4, keepWithNext=1),
        'prose': ParagraphStyle('prose', fontName=ctx.font, fontSize=10, leading=13.5, spaceAfter=6, alignment=TA_JUSTIFY),
        'axisitem': ParagraphStyle('axisitem', fontName=ctx.font, fontSize=10.5, leading=14, spaceAfter=5,
                                   leftIndent=22, bulletIndent=0, bulletFontName=ctx.bold),
        'signame': ParagraphStyle('signame', fontName=ctx.bold, fontSize=10.5, leading=13, spaceBefore=10),
        'sigrole': ParagraphStyle('sigrole', fontName=ctx.font, fontSize=9.5, leading=12),
        'cover_brand': ParagraphStyle('cb', fontName=ctx.bold, fontSize=13, leading=16, textColor=colors.white, spaceAfter=40),
        'cover_title': ParagraphStyle('ct', fontName=ctx.bold, fontSize=30, leading=36, textColor=colors.white, spaceAfter=14),
        'cover_line': ParagraphStyle('cl', fontName=ctx.font, fontSize=15, leading=20, textColor=colors.white, spaceAfter=8),
        'div_ap': ParagraphStyle('da', fontName=ctx.bold, fontSize=24, leading=30, textColor=ctx.band_color),
        'div_num': ParagraphStyle('dn', fontName=ctx.bold, fontSize=60, leading=70, textColor=ctx.tab_color, spaceAfter=12),
        'div_title': ParagraphStyle('dt', fontName=ctx.bold, fontSize=20, leading=26, spaceAfter=40),
        'div_prs': ParagraphStyle('dp', fontName=ctx.font, fontSize=11, leading=14, textColor=colors.grey),
        'band': ParagraphStyle('band', fontName=ctx.bold, fontSize=12.5, leading=15.5, textColor=colors.white),
    }
    ctx.st = st
    ctx.header_on = True

    title = gold['title']
    state = {'axis': None, 'chantier': '', 'kind': 'cover'}
    layout = []

    def footer(canv, d):
        canv.saveState()
        canv.setFont(ctx.font, 8)
        canv.setFillColor(colors.HexColor('#333333'))
        canv.drawString(left + 6, 22, '%d | %s' % (canv.getPageNumber(), title))
        canv.restoreState()

    def draw_band(canv):
        canv.saveState()
        canv.setFillColor(ctx.band_color)
        canv.rect(0, H - band_h, W, band_h, stroke=0, fill=1)
        canv.restoreState()
        if state['chantier']:
            para = Paragraph(markup(state['chantier'], ctx.bold, True), st['band'])
            _, h = para.wrapOn(canv, W - 2 * left - 80, band_h)
            para.drawOn(canv, left, H - band_h / 2 - h / 2 + 2)

    def draw_tab(canv):
        if tab == 'none' or state['axis'] is None:
            return
        n = state['axis']
        canv.saveState()
        canv.setFillColor(ctx.tab_color)
        x0 = W - tab_w
        if tab == 'rotated':
            th = 170
            y0 = (H - th) / 2 + 40
            canv.rect(x0, y0, tab_w, th, stroke=0, fill=1)
            canv.setFillColor(colors.white)
            canv.translate(x0 + tab_w / 2 + 5, y0 + th / 2)
            canv.rotate(90)
            canv.setFont(ctx.bold, 12)
            canv.drawCentredString(0, 0, 'Action prioritaire #%d' % n)
        else:
            th = 88
            y0 = (H - th) / 2 + 40
            canv.rect(x0, y0, tab_w, th, stroke=0, fill=1)
            canv.setFillColor(colors.white)
            fs = 7.5 if tab_w < 60 else 9.5
            cx = x0 + tab_w / 2
            canv.setFont(ctx.bold, fs)
            canv.drawCentredString(cx, y0 + th - 18, 'Action')
            canv.drawCentredString(cx, y0 + th - 18 - fs * 1.35, 'prioritaire')
            canv.setFont(ctx.bold, 18)
            canv.drawCentredString(cx, y0 + 16, '#%d' % n)
        canv.restoreState()

    def log_page(canv, kind):
        layout.append({'page': canv.getPageNumber(), 'kind': kind, 'axis': state['axis'] if kind == 'table' else None,
                       'chantier': state['chantier'] if kind == 'table' and opts.get('canvasBand') else None})

    def cover_page(canv, d):
        canv.saveState()
        canv.setFillColor(ctx.band_color)
        canv.rect(0, 0, W * (0.62 if landscape_ else 1), H if landscape_ else H * 0.62, stroke=0, fill=1)
        canv.restoreState()

    def cover_end(canv, d):
        log_page(canv, 'cover')

    def divider_page(canv, d):
        canv.saveState()
        canv.setFillColor(ctx.tab_color)
        canv.rect(0, 0, 18, H, stroke=0, fill=1)
        canv.restoreState()

    def prose_end(canv, d):
        log_page(canv, state['kind'])

    def table_end(canv, d):
        # after the page content: band (if drawn on the canvas) then the side tab, last
        if opts.get('canvasBand'):
            draw_band(canv)
        draw_tab(canv)
        log_page(canv, 'table')

    def divider_end(canv, d):
        log_page(canv, 'divider')

    cover_frame = Frame(left + 20, 60, (W * 0.62 if landscape_ else W) - 2 * left - 20, H - 160, id='cover')
    div_frame = Frame(left + 40, 80, W - 2 * left - 80, H - 200, id='div')
    ed_frames = [frames['plain']]
    if landscape_:
        gap = 24
        cw = (pw - gap) / 2
        ed_frames = [Frame(left, bottom, cw, top - bottom, id='ed1', **z), Frame(left + cw + gap, bottom, cw, top - bottom, id='ed2', **z)]
    templates = [
        PageTemplate('cover', [cover_frame], onPage=cover_page, onPageEnd=cover_end, pagesize=(W, H)),
        PageTemplate('editorial', ed_frames, onPage=footer, onPageEnd=prose_end, pagesize=(W, H)),
        PageTemplate('prose', [frames['plain']], onPage=footer, onPageEnd=prose_end, pagesize=(W, H)),
        PageTemplate('divider', [div_frame], onPage=divider_page, onPageEnd=divider_end, pagesize=(W, H)),
        PageTemplate('table', [frames['table']], onPage=footer, onPageEnd=table_end, pagesize=(W, H)),
        PageTemplate('band', [frames['band']], onPage=footer, onPageEnd=table_end, pagesize=(W, H)),
    ]
    d = BaseDocTemplate(job['out'], pagesize=(W, H), invariant=1, title=title, author='ARS Normandie',
                        subject='fdr fixture (reportlab producer)', creator='fdr scripts/producers/reportlab', pageTemplates=templates)

    story = []
    S = lambda **kw: SetState(state, **kw)  # noqa: E731

    # ---- cover
    story += [Paragraph('SANTÉ NORMANDIE', st['cover_brand']),
              Paragraph(markup(title, ctx.bold, True), st['cover_title']),
              Paragraph(markup(gold['period'], ctx.font), st['cover_line']),
              Paragraph(markup('Conseil territorial de santé ' + doc['du'], ctx.font), st['cover_line']),
              Paragraph(markup(('Département : ' if gold.get('territoryType') == 'departement' else 'Territoire de santé : ') + gold['territory'], ctx.font), st['cover_line']),
              Spacer(1, 30),
              Paragraph('Projet régional de santé Normandie 2023-2028', st['cover_line'])]

    # ---- editorial + signatories
    story += [NextPageTemplate('editorial'), PageBreak(), S(kind='editorial'), Paragraph('ÉDITORIAL', st['h1'])]
    for i, x in enumerate(doc['editorial']):
        if landscape_ and i == 3:
            story.append(FrameBreak())  # two columns in landscape
        story.append(Paragraph(markup(x, ctx.font), st['prose']))
    for s in gold.get('signatories', []):
        story.append(KeepTogether([Paragraph(markup(s['name'], ctx.bold, True), st['signame']),
                                   Paragraph(markup(s['role'], ctx.font), st['sigrole'])]))

    # ---- the 12 axes
    story += [NextPageTemplate('prose'), PageBreak(), S(kind='axes'), Paragraph('RAPPEL DES 12 AXES PRIORITAIRES :', st['h1'])]
    n_axes = len(gold['prsAxes'])
    for i, a in enumerate(gold['prsAxes']):
        story.append(Paragraph(markup(a + (' ;' if i < n_axes - 1 else '.'), ctx.font), st['axisitem'], bulletText='%d.' % (i + 1)))

    # ---- axes
    canvas_band = bool(opts.get('canvasBand'))
    table_tpl = 'band' if canvas_band else 'table'
    band_mode = p['chantierBand']
    empty_at = {}
    for (ai, ci, k) in doc.get('emptyRows', []):
        empty_at.setdefault((ai, ci), []).append(k)
    ncols = len(cols)

    def body_rows(ai, axis, ci, ch):
        rows = []
        acts = ch['actions']
        empties = sorted(empty_at.get((ai, ci), []))
        for k in range(len(acts) + 1):
            for _ in [e for e in empties if e == k]:
                rows.append([[] for _ in range(ncols)])
            if k == len(acts):
                break
            a = acts[k]
            rid = '%d.%d.%d' % (axis['number'], ci, k)
            ex = doc['extras'].get('%d.%d.%d' % (ai, ci, k), {})
            cells = []
            for c in cols:
                key = c['key']
                text = a.get(key, '') if key in ('action', 'financement', 'indicateur', 'commentaire') else ex.get(key, '')
                cells.append(cell_flowables(ctx, text, rid, key))
            rows.append(cells)
        return rows

    def heading_text(ai, ci):
        return doc['headings'][ai][ci]

    for ai, axis in enumerate(gold['axes']):
        n = axis['number']
        if p['axisDividers']:
            story += [NextPageTemplate('divider'), PageBreak(), S(kind='divider', axis=None),
                      Paragraph('Action prioritaire', st['div_ap']), Paragraph('#%d' % n, st['div_num']),
                      Paragraph(markup(axis['title'], ctx.bold, True), st['div_title']),
                      Paragraph('Projet régional de santé Normandie 2023-2028', st['div_prs'])]
        axis_head = [] if p['axisDividers'] else [
            Paragraph(markup('Action prioritaire #%d : %s' % (n, axis['title']), ctx.bold, True), st['axis'])]

        if band_mode == 'beside':
            story += [NextPageTemplate(table_tpl), PageBreak(), S(kind='table', axis=n, chantier='')] + axis_head
            rows = []
            for ci, ch in enumerate(axis['chantiers']):
                for cells in body_rows(ai, axis, ci, ch):
                    rows.append((ci, cells, len(rows)))

            def beside_heading(ci, ai=ai):
                h = heading_text(ai, ci)
                return [Paragraph(markup(h, ctx.bold, True), st['beside'])] if h else []
            # bind this axis' heading function to the flowable (ctx is shared across axes)
            bt = BesideTable(_Bound(ctx, beside_heading), rows, True)
            story.append(bt)
            continue

        for ci, ch in enumerate(axis['chantiers']):
            h = heading_text(ai, ci)
            pre = []
            if canvas_band:
                pre = [NextPageTemplate(table_tpl), PageBreak(), S(kind='table', axis=n, chantier=h)]
                if ci == 0:
                    pre += axis_head
            else:
                if ci == 0:
                    pre = [NextPageTemplate(table_tpl), PageBreak(), S(kind='table', axis=n, chantier='')] + axis_head
                else:
                    pre = [Spacer(1, 8)]
            rows = body_rows(ai, axis, ci, ch)
            data = []
            inside = band_mode == 'inside' and bool(h)
            if band_mode == 'above' and not canvas_band and h:
                pre.append(Paragraph(markup(h, ctx.bold, True), st['chantier']))
            if inside:
                data.append([[Paragraph(markup(h, ctx.bold, True), st['inside'])]] + [[] for _ in range(ncols - 1)])
            data.append(header_row(ctx, 0))
            top_rows = len(data)
            data += rows
            story += pre
            story.append(make_table(ctx, data, top_rows, inside=inside))

    # ---- transversal priorities
    story += [NextPageTemplate('prose'), PageBreak(), S(kind='transversal', axis=None, chantier=''),
              Paragraph('LES PRIORITÉS RÉGIONALES TRANSVERSALES', st['h1'])]
    for t in gold.get('transversalPriorities', []):
        story.append(Paragraph(markup(t['title'], ctx.bold, True), st['h4']))
        for para in t['text'].split('\n'):
            story.append(Paragraph(markup(para, ctx.font), st['prose']))

    d.build(story)

    # ---- rows per page (from the zero-size marks drawn in each cell)
    first, last = {}, {}
    for page, (rid, what) in ctx.marks:
        if what == 'start':
            first[rid] = min(first.get(rid, page), page)
        last[rid] = max(last.get(rid, page), page)
    by_page = {}
    for rid in first:
        for pg in range(first[rid], last[rid] + 1):
            part = 'whole' if first[rid] == last[rid] else 'head' if pg == first[rid] else 'tail' if pg == last[rid] else 'middle'
            by_page.setdefault(pg, []).append({'id': rid, 'part': part})
    for e in layout:
        if e['page'] in by_page:
            e['rows'] = sorted(by_page[e['page']], key=lambda r: [int(x) for x in r['id'].split('.')])
    split_pages = sorted({pg for pg, rs in by_page.items() if any(r['part'] in ('head', 'middle') for r in rs)})

    json.dump({
        'unsupported': unsupported,
        'pages': len(layout),
        'reportlab': reportlab.Version,
        'splitInRow': HAS_SPLIT_IN_ROW,
        'pyphen': HAS_PYPHEN,
        'fonts': [ctx.font, ctx.bold],
        'tableFontSize': ctx.fs,
        'columnWidths': [round(x, 1) for x in (ctx.colw_beside if p['chantierBand'] == 'beside' else ctx.colw)],
        'engineListItems': ctx.engine_items,
        'pathBullets': ctx.path_bullet_count,
        'splitRowPages': split_pages,
        'layout': layout,
    }, sys.stdout, ensure_ascii=False)


class _Bound:
    """ctx proxy carrying one axis' beside_heading function (the flowable is laid out after the loop)."""

    def __init__(self, ctx, fn):
        self.__dict__['_ctx'] = ctx
        self.__dict__['beside_heading'] = fn

    def __getattr__(self, a):
        return getattr(self._ctx, a)

    def __setattr__(self, a, v):
        setattr(self._ctx, a, v)


if __name__ == '__main__':
    main()
