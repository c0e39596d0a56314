#!/usr/bin/env python3
"""Writes a roadmap .docx the way an agency writes it in Word (python-docx), from a model prepared by
scripts/producers/libreoffice.mjs (gold text + VariantParams, every printed string already computed).

    /usr/bin/python3 build_docx.py MODEL.json OUT.docx RESULT.json

RESULT.json gets {"unsupported": [...]} (VariantParams fields this producer could not honour).

python-docx has no API for repeated header rows, row splitting, numbering definitions, hyphenation,
cell shading/borders/margins or text boxes: those elements are added with python-docx’s
oxml helpers (OxmlElement / qn), on top of a document built with its ordinary API.
"""
import datetime
import io
import json
import sys
import zipfile

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn, nsdecls
from docx.shared import Mm, Pt, RGBColor, Emu

FONTS = {
    'sans': 'Liberation Sans',
    'serif': 'Liberation Serif',
    'condensed': 'Liberation Sans Narrow',
    'mono-ish': 'DejaVu Sans Mono',
}
MARKERS = ('- ', '• ', '⇒ ')
A4 = (Mm(210), Mm(297))
WPS = 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape'
FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
DARK = RGBColor(0x1F, 0x38, 0x64)


# ------------------------------------------------------------------------------------------------
# small oxml helpers

def el(tag, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn('w:' + k), str(v))
    return e


# child order of the property elements we touch (ECMA-376 sequences), used to insert at the right place
TCPR_ORDER = ['w:cnfStyle', 'w:tcW', 'w:gridSpan', 'w:hMerge', 'w:vMerge', 'w:tcBorders', 'w:shd', 'w:noWrap',
              'w:tcMar', 'w:textDirection', 'w:tcFitText', 'w:vAlign', 'w:hideMark']
TBLPR_ORDER = ['w:tblStyle', 'w:tblpPr', 'w:tblOverlap', 'w:bidiVisual', 'w:tblStyleRowBandSize',
               'w:tblStyleColBandSize', 'w:tblW', 'w:jc', 'w:tblCellSpacing', 'w:tblInd', 'w:tblBorders', 'w:shd',
               'w:tblLayout', 'w:tblCellMar', 'w:tblLook']
TRPR_ORDER = ['w:cnfStyle', 'w:divId', 'w:gridBefore', 'w:gridAfter', 'w:wBefore', 'w:wAfter', 'w:cantSplit',
              'w:trHeight', 'w:tblHeader', 'w:tblCellSpacing', 'w:jc', 'w:hidden']
PPR_ORDER = ['w:pStyle', 'w:keepNext', 'w:keepLines', 'w:pageBreakBefore', 'w:framePr', 'w:widowControl',
             'w:numPr', 'w:suppressLineNumbers', 'w:pBdr', 'w:shd', 'w:tabs', 'w:suppressAutoHyphens', 'w:kinsoku',
             'w:wordWrap', 'w:overflowPunct', 'w:topLinePunct', 'w:autoSpaceDE', 'w:autoSpaceDN', 'w:bidi',
             'w:adjustRightInd', 'w:snapToGrid', 'w:spacing', 'w:ind', 'w:contextualSpacing', 'w:mirrorIndents',
             'w:suppressOverlap', 'w:jc', 'w:textDirection', 'w:textAlignment', 'w:textboxTightWrap',
             'w:outlineLvl', 'w:divId', 'w:cnfStyle', 'w:rPr', 'w:sectPr', 'w:pPrChange']
RPR_ORDER = ['w:rStyle', 'w:rFonts', 'w:b', 'w:bCs', 'w:i', 'w:iCs', 'w:caps', 'w:smallCaps', 'w:strike',
             'w:dstrike', 'w:outline', 'w:shadow', 'w:emboss', 'w:imprint', 'w:noProof', 'w:snapToGrid',
             'w:vanish', 'w:webHidden', 'w:color', 'w:spacing', 'w:w', 'w:kern', 'w:position', 'w:sz', 'w:szCs',
             'w:highlight', 'w:u', 'w:effect', 'w:bdr', 'w:shd', 'w:fitText', 'w:vertAlign', 'w:rtl', 'w:cs',
             'w:em', 'w:lang', 'w:eastAsianLayout', 'w:specVanish', 'w:oMath']
SETTINGS_ORDER = ['w:defaultTabStop', 'w:autoHyphenation', 'w:consecutiveHyphenLimit', 'w:hyphenationZone',
                  'w:doNotHyphenateCaps', 'w:showEnvelope', 'w:summaryLength', 'w:clickAndTypeStyle',
                  'w:defaultTableStyle', 'w:evenAndOddHeaders', 'w:bookFoldRevPrinting', 'w:bookFoldPrinting',
                  'w:bookFoldPrintingSheets', 'w:drawingGridHorizontalSpacing', 'w:drawingGridVerticalSpacing',
                  'w:displayHorizontalDrawingGridEvery', 'w:displayVerticalDrawingGridEvery',
                  'w:doNotUseMarginsForDrawingGridOrigin', 'w:drawingGridHorizontalOrigin',
                  'w:drawingGridVerticalOrigin', 'w:doNotShadeFormData', 'w:noPunctuationKerning',
                  'w:characterSpacingControl']


def put(parent, child, order):
    """Insert (or replace) `child` in `parent` respecting the schema order `order`."""
    tag = child.tag
    for old in parent.findall(tag):
        parent.remove(old)
    names = [qn(t) for t in order]
    idx = names.index(tag) if tag in names else len(names)
    later = set(names[idx + 1:])
    for i, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


def set_rfonts(rpr, name):
    rf = rpr.find(qn('w:rFonts'))
    if rf is None:
        rf = put(rpr, el('w:rFonts'), RPR_ORDER)
    for a in list(rf.attrib):
        if a.endswith('Theme') or a.endswith('theme'):
            del rf.attrib[a]
    for a in ('ascii', 'hAnsi', 'cs', 'eastAsia'):
        rf.set(qn('w:' + a), name)


def set_lang(rpr, lang):
    put(rpr, el('w:lang', val=lang, eastAsia=lang, bidi='ar-SA'), RPR_ORDER)


def style_font(style, name, size=None, bold=None, color=None):
    set_rfonts(style.element.get_or_add_rPr(), name)
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if color is not None:
        style.font.color.rgb = color


def shade(cell, fill):
    put(cell._tc.get_or_add_tcPr(), el('w:shd', val='clear', color='auto', fill=fill), TCPR_ORDER)


def cell_borders(cell, **sides):
    b = el('w:tcBorders')
    for side in ('top', 'left', 'bottom', 'right'):
        if side in sides:
            b.append(el('w:' + side, **sides[side]))
    put(cell._tc.get_or_add_tcPr(), b, TCPR_ORDER)


LINE = {'val': 'single', 'sz': 4, 'space': 0, 'color': '000000'}
NOLINE = {'val': 'nil'}


def add_field(paragraph, instr, placeholder):
    """A complex field (PAGE, NUMPAGES...) as Word writes it: begin / instrText / separate / result / end."""
    def run_with(child):
        r = paragraph.add_run()
        r._r.append(child)
        return r
    run_with(el('w:fldChar', fldCharType='begin'))
    it = OxmlElement('w:instrText')
    it.set('{http://www.w3.org/XML/1998/namespace}space', 'preserve')
    it.text = f' {instr} '
    run_with(it)
    run_with(el('w:fldChar', fldCharType='separate'))
    paragraph.add_run(placeholder)
    run_with(el('w:fldChar', fldCharType='end'))


# ------------------------------------------------------------------------------------------------

class Builder:
    def __init__(self, model):
        self.m = model
        self.p = model['params']
        self.unsupported = list(self.p.get('unsupported') or [])
        self.font = FONTS.get(self.p['font'], 'Liberation Sans')
        self.doc = Document()
        self.nums = {}
        self.section_no = 0

    # -- document-wide settings ------------------------------------------------------------------
    def setup(self):
        p, doc = self.p, self.doc
        styles = doc.styles
        # docDefaults: the body font (no theme fonts), French, no space after
        rpr_default = styles.element.find(qn('w:docDefaults')).find(qn('w:rPrDefault')).find(qn('w:rPr'))
        set_rfonts(rpr_default, self.font)
        set_lang(rpr_default, 'fr-FR')
        ppr_default = styles.element.find(qn('w:docDefaults')).find(qn('w:pPrDefault')).find(qn('w:pPr'))
        put(ppr_default, el('w:spacing', after=0, line=240, lineRule='auto'), PPR_ORDER)

        normal = styles['Normal']
        style_font(normal, self.font, size=p['fontSize'])
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = p['lineSpacing']
        normal.paragraph_format.widow_control = True

        for name, size, bold in (('Heading 1', 16, True), ('Heading 2', min(13, p['fontSize'] + 2.5), True),
                                 ('Heading 3', 11, True), ('Title', 26, True), ('Header', 8, False),
                                 ('Footer', 8, False)):
            st = styles[name]
            style_font(st, self.font, size=size, bold=bold,
                       color=DARK if name.startswith('Heading') or name == 'Title' else RGBColor(0x40, 0x40, 0x40))
            st.font.italic = False
            pf = st.paragraph_format
            pf.line_spacing = 1.0
            if name.startswith('Heading'):
                pf.space_before = Pt(12 if name != 'Heading 2' else 10)
                pf.space_after = Pt(4)
                pf.keep_with_next = True
        # the Title style of the default template has a bottom border and spacing: keep it plain
        tppr = styles['Title'].element.get_or_add_pPr()
        for b in tppr.findall(qn('w:pBdr')):
            tppr.remove(b)
        put(tppr, el('w:suppressAutoHyphens'), PPR_ORDER)  # no "Calva-dos" on the cover

        # agency-like custom styles for the table cells and prose
        cell = styles.add_style('Tableau texte', WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = normal
        cell.paragraph_format.line_spacing = p['lineSpacing']
        if p['justify']:
            cell.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        head = styles.add_style('Tableau en-tête', WD_STYLE_TYPE.PARAGRAPH)
        head.base_style = normal
        head.font.bold = True
        head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        head.paragraph_format.keep_with_next = True
        body = styles.add_style('Corps de texte ARS', WD_STYLE_TYPE.PARAGRAPH)
        body.base_style = normal
        body.font.size = Pt(min(11, p['fontSize'] + 1))
        body.paragraph_format.space_after = Pt(6)
        body.paragraph_format.line_spacing = max(1.15, p['lineSpacing'])
        if p['justify']:
            body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

        # settings: French, automatic hyphenation when asked
        settings = doc.settings.element
        if p['hyphenate']:
            put(settings, el('w:autoHyphenation'), SETTINGS_ORDER)
            put(settings, el('w:hyphenationZone', val=357), SETTINGS_ORDER)
        tfl = settings.find(qn('w:themeFontLang'))
        if tfl is not None:
            tfl.set(qn('w:val'), 'fr-FR')
        dec = settings.find(qn('w:decimalSymbol'))
        if dec is not None:
            dec.set(qn('w:val'), ',')
        ls = settings.find(qn('w:listSeparator'))
        if ls is not None:
            ls.set(qn('w:val'), ';')

        cp = doc.core_properties
        cp.author = 'ARS Normandie'
        cp.last_modified_by = 'ARS Normandie'
        cp.title = self.m['title']
        cp.subject = 'Projet régional de santé Normandie 2023-2028'
        cp.created = FIXED_DATE
        cp.modified = FIXED_DATE
        cp.last_printed = FIXED_DATE
        cp.revision = 1
        cp.comments = ''
        cp.keywords = ''
        cp.category = ''
        cp.language = 'fr-FR'

    # -- numbering (Word list engine) ------------------------------------------------------------
    def num_id(self, kind):
        """numId of a one-level list definition: 'dash', 'bullet', 'bullet-symbol', 'arrow' or 'decimal'."""
        if kind in self.nums:
            return self.nums[kind]
        numbering = self.doc.part.numbering_part.element
        existing = [int(a.get(qn('w:abstractNumId'))) for a in numbering.findall(qn('w:abstractNum'))]
        aid = max(existing + [0]) + 1
        ab = el('w:abstractNum', abstractNumId=aid)
        ab.append(el('w:multiLevelType', val='hybridMultilevel'))
        lvl = el('w:lvl', ilvl=0)
        lvl.append(el('w:start', val=1))
        if kind == 'decimal':
            lvl.append(el('w:numFmt', val='decimal'))
            lvl.append(el('w:lvlText', val='%1.'))
            font, left, hanging = None, 425, 425
        else:
            lvl.append(el('w:numFmt', val='bullet'))
            text, font = {'dash': ('-', self.font), 'bullet': ('•', self.font),
                          'bullet-symbol': ('\uf0b7', 'Symbol'), 'arrow': ('⇒', self.font)}[kind]
            lvl.append(el('w:lvlText', val=text))
            left, hanging = 284, 284
        lvl.append(el('w:lvlJc', val='left'))
        ppr = el('w:pPr')
        ppr.append(el('w:ind', left=left, hanging=hanging))
        lvl.append(ppr)
        if font:
            rpr = el('w:rPr')
            rf = el('w:rFonts', ascii=font, hAnsi=font, hint='default')
            if font != 'Symbol':
                rf.set(qn('w:cs'), font)
            rpr.append(rf)
            lvl.append(rpr)
        ab.append(lvl)
        # abstractNum elements come before every num element
        first_num = numbering.find(qn('w:num'))
        if first_num is not None:
            first_num.addprevious(ab)
        else:
            numbering.append(ab)
        num = numbering.add_num(aid)
        self.nums[kind] = num.numId
        return num.numId

    def make_list_item(self, paragraph, kind):
        ppr = paragraph._p.get_or_add_pPr()
        numpr = el('w:numPr')
        numpr.append(el('w:ilvl', val=0))
        numpr.append(el('w:numId', val=self.num_id(kind)))
        put(ppr, numpr, PPR_ORDER)

    # -- sections, headers, footers --------------------------------------------------------------
    def page_setup(self, section, orientation):
        w, h = A4
        if orientation == 'landscape':
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = h, w
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = w, h
        section.top_margin = Mm(20)
        section.bottom_margin = Mm(18)
        section.left_margin = Mm(18)
        section.right_margin = Mm({'horizontal': 34, 'rotated': 24}.get(self.p['sideTab'], 18))
        section.header_distance = Mm(8)
        section.footer_distance = Mm(8)

    def text_width(self, section):
        return section.page_width - section.left_margin - section.right_margin

    def fill_header(self, header, tab_axis=None):
        header.is_linked_to_previous = False
        par = header.paragraphs[0]
        par.style = self.doc.styles['Header']
        par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        par.add_run('Agence régionale de santé Normandie')
        if tab_axis is not None:
            self.side_tab_box(header, tab_axis)

    def side_tab_box(self, header, axis_number):
        """The side tab as a Word text box (a DrawingML shape anchored in the section's header, so that it
        shows on every page of the axis) at the page's right edge: horizontal text, or rotated (vert270, read
        bottom to top). LibreOffice ignores w:framePr frames in headers, and cannot split a table row holding
        a cell with vertical text (it clips the row), hence a shape rather than a frame or a table column.
        python-docx has no shape API: the anchor is built from a small XML template, its paragraphs with
        python-docx."""
        sec = self.doc.sections[-1]
        rotated = self.p['sideTab'] == 'rotated'
        cx, cy = (int(Mm(11)), int(Mm(62))) if rotated else (int(Mm(24)), int(Mm(30)))
        x, y = int(sec.page_width - Mm(14 if rotated else 27)), int(Mm(55))
        self.shape_id = getattr(self, 'shape_id', 0) + 1
        anchor = parse_xml(
            f'<w:drawing {nsdecls("w", "wp", "a")} xmlns:wps="{WPS}">'
            f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{251659264 + self.shape_id}"'
            ' behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            f'<wp:docPr id="{self.shape_id}" name="Onglet {axis_number}"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
            f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="E8A33D"/></a:solidFill>'
            '<a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent/></wps:txbx>'
            f'<wps:bodyPr rot="0" vert="{"vert270" if rotated else "horz"}" wrap="square" lIns="36000" tIns="36000" rIns="36000" bIns="36000" anchor="ctr">'
            '<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')
        content = anchor.find('.//' + qn('w:txbxContent'))
        lines = ((f'Action prioritaire #{axis_number}', 11),) if rotated else (('Action', 10), ('prioritaire', 10), (f'#{axis_number}', 18))
        for txt, size in lines:
            fp = header.add_paragraph()
            fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = fp.add_run(txt)
            r.bold = True
            r.font.size = Pt(size)
            r.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            content.append(fp._p)  # moves the paragraph into the text box
        holder = header.paragraphs[0].add_run()
        holder._r.append(anchor)

    def fill_footer(self, footer):
        footer.is_linked_to_previous = False
        par = footer.paragraphs[0]
        par.style = self.doc.styles['Footer']
        par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        add_field(par, 'PAGE', '1')
        par.add_run(' | ' + self.m['title'])

    def blank_first_page(self, section):
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        section.first_page_footer.is_linked_to_previous = False

    def new_section(self, orientation, first_page_blank, tab_axis=None, own_header=False):
        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self.page_setup(sec, orientation)
        if first_page_blank:
            self.blank_first_page(sec)
        else:
            sec.different_first_page_header_footer = False
        if tab_axis is not None or own_header:
            self.fill_header(sec.header, tab_axis)
        return sec

    # -- text helpers ----------------------------------------------------------------------------
    def para(self, text='', style=None, size=None, bold=None, align=None, before=None, after=None, color=None,
             spacing=None):
        par = self.doc.add_paragraph(style=style)
        if text:
            r = par.add_run(text)
            if size:
                r.font.size = Pt(size)
            if bold is not None:
                r.bold = bold
            if color is not None:
                r.font.color.rgb = color
            if spacing:
                put(r._r.get_or_add_rPr(), el('w:spacing', val=spacing), RPR_ORDER)
        if align is not None:
            par.alignment = align
        if before is not None:
            par.paragraph_format.space_before = Pt(before)
        if after is not None:
            par.paragraph_format.space_after = Pt(after)
        return par

    def page_break(self):
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- front matter ----------------------------------------------------------------------------
    def front(self):
        m = self.m
        sec = self.doc.sections[0]
        self.page_setup(sec, 'portrait')
        sec.right_margin = Mm(18)
        self.blank_first_page(sec)
        self.fill_header(sec.header)
        self.fill_footer(sec.footer)

        C = WD_ALIGN_PARAGRAPH.CENTER
        self.para('SANTÉ NORMANDIE', size=14, bold=True, align=C, before=60, after=80, color=DARK, spacing=80)
        t = self.para(m['title'], style='Title', align=C, after=18)
        self.para(m['period'], size=18, align=C, after=36, color=DARK)
        self.para(m['cts'], size=14, align=C, after=6)
        self.para(m['territoryLine'], size=12, align=C, after=160)
        self.para('Projet régional de santé Normandie 2023-2028', size=12, bold=True, align=C, color=DARK)

        h = self.para('ÉDITORIAL', style='Heading 1')
        h.paragraph_format.page_break_before = True
        h.paragraph_format.space_after = Pt(12)
        for text in m['editorial']:
            self.para(text, style='Corps de texte ARS')
        self.para('', after=12)
        sigs = m['signatories']
        tbl = self.doc.add_table(rows=2, cols=len(sigs))
        tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
        for i, s in enumerate(sigs):
            c0 = tbl.cell(0, i).paragraphs[0]
            c0.alignment = C
            c0.add_run(s['name']).bold = True
            c1 = tbl.cell(1, i).paragraphs[0]
            c1.alignment = C
            c1.add_run(s['role'])

        h = self.para('RAPPEL DES 12 AXES PRIORITAIRES :', style='Heading 1')
        h.paragraph_format.page_break_before = True
        h.paragraph_format.space_after = Pt(10)
        n = len(m['prsAxes'])
        for i, axis in enumerate(m['prsAxes']):
            text = axis + (' ;' if i < n - 1 else '.')
            if self.p['lists'] == 'engine':
                par = self.para(text, style='Corps de texte ARS')
                self.make_list_item(par, 'decimal')
            else:
                par = self.para(f'{i + 1}.\t{text}', style='Corps de texte ARS')
                par.paragraph_format.left_indent = Emu(Mm(7.5))
                par.paragraph_format.first_line_indent = Emu(-Mm(7.5))
                par.paragraph_format.tab_stops.add_tab_stop(Emu(Mm(7.5)))

    # -- axes ------------------------------------------------------------------------------------
    def axis(self, ai, axis):
        p = self.p
        tab = axis['number'] if p['sideTab'] != 'none' else None
        sec = self.new_section(p['orientation'], first_page_blank=p['axisDividers'], tab_axis=tab)
        if p['axisDividers']:
            C = WD_ALIGN_PARAGRAPH.CENTER
            land = p['orientation'] == 'landscape'
            self.para('Action prioritaire', size=24, align=C, before=70 if land else 160, color=DARK)
            self.para(f'#{axis["number"]}', size=44, bold=True, align=C, after=18, color=DARK)
            title = self.para(axis['title'], style='Heading 1', align=C)
            title.runs[0].font.size = Pt(20)
            title.paragraph_format.keep_with_next = False
            self.para('Projet régional de santé Normandie 2023-2028', size=11, align=C, before=90 if land else 200)
            first_break = True
        else:
            h = self.para(f'Action prioritaire #{axis["number"]} : {axis["title"]}', style='Heading 1')
            h.paragraph_format.space_before = Pt(0)
            h.paragraph_format.space_after = Pt(10)
            first_break = False
        width = self.text_width(sec)
        band = p['chantierBand']
        if band == 'beside':
            if first_break:
                self.page_break()
            self.table(axis, list(enumerate(axis['chantiers'])), width, inside_title=None)
        else:
            for ci, ch in enumerate(axis['chantiers']):
                if band == 'above':
                    if ch['heading']:
                        h = self.para(ch['heading'], style='Heading 2')
                        if first_break:
                            h.paragraph_format.page_break_before = True
                    elif first_break:
                        self.page_break()
                    elif ci > 0:
                        self.para('', after=4)
                    self.table(axis, [(ci, ch)], width, inside_title=None)
                else:
                    if first_break:
                        self.page_break()
                    elif ci > 0:
                        self.para('', after=4)
                    self.table(axis, [(ci, ch)], width, inside_title=ch['heading'])
                first_break = False
        self.para('', after=0)

    def table(self, axis, chantiers, total, inside_title):
        """One Word table: for chantierBand 'beside', all of an axis's chantiers; otherwise one chantier.
        Rows keep the right to break across pages when rowsBreakAcrossPages, or when they may be taller
        than a page (see too_tall)."""
        p = self.p
        cols = self.m['columns']
        beside = p['chantierBand'] == 'beside'
        beside_w = int(total * 0.16) if beside else 0
        data_w = total - beside_w
        widths = ([beside_w] if beside else []) + [int(data_w * c['width']) for c in cols]
        widths[-1] += total - sum(widths)
        ncols = len(widths)
        first_data = 1 if beside else 0

        tbl = self.doc.add_table(rows=0, cols=ncols)
        tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
        tbl.autofit = False
        for i, w in enumerate(widths):
            tbl.columns[i].width = Emu(w)
        tblpr = tbl._tbl.tblPr
        put(tblpr, el('w:tblW', w=int(total / 635), type='dxa'), TBLPR_ORDER)
        pad = int(p['cellPadding'] * 20)
        mar = el('w:tblCellMar')
        for side in ('top', 'left', 'bottom', 'right'):
            mar.append(el('w:' + side, w=pad, type='dxa'))
        put(tblpr, mar, TBLPR_ORDER)
        borders = el('w:tblBorders')
        rules = p['rules']
        for side in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'):
            on = rules == 'grid' or (rules == 'horizontal' and side in ('top', 'bottom', 'insideH'))
            borders.append(el('w:' + side, **(LINE if on else NOLINE)))
        put(tblpr, borders, TBLPR_ORDER)

        def add_row(header=False, model=None):
            row = tbl.add_row()
            trpr = row._tr.get_or_add_trPr()
            if not p['rowsBreakAcrossPages'] and not (model and self.too_tall(model, widths[first_data:])):
                put(trpr, el('w:cantSplit'), TRPR_ORDER)
            if header and p['repeatHeader']:
                put(trpr, el('w:tblHeader'), TRPR_ORDER)
            return row

        # a merged full-width first row holding the chantier heading
        if inside_title:
            row = add_row(header=True)
            c = row.cells[0].merge(row.cells[ncols - 1])
            par = c.paragraphs[0]
            par.style = self.doc.styles['Tableau texte']
            par.alignment = WD_ALIGN_PARAGRAPH.LEFT
            r = par.add_run(inside_title)
            r.bold = True
            r.font.size = Pt(min(12, p['fontSize'] + 1.5))
            r.font.color.rgb = DARK
            shade(c, 'DCE6F1')
            if rules == 'header-only':
                cell_borders(c, top=LINE, bottom=LINE)

        # column headers
        hrow = add_row(header=True)
        for j, col in enumerate(cols):
            c = hrow.cells[first_data + j]
            par = c.paragraphs[0]
            par.style = self.doc.styles['Tableau en-tête']
            par.add_run(col['headerText'])
        for c in hrow.cells:
            if p['headerShading']:
                shade(c, self.m['headerFill'])
            if rules == 'header-only':
                cell_borders(c, top=LINE, bottom=LINE)
            c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        header_rows = len(tbl.rows)

        # body rows (empty rows inserted where the model says)
        groups = []
        zebra_i = 0
        for ci, ch in chantiers:
            start = len(tbl.rows)
            items = list(ch['rows'])
            for ri, row_model in enumerate(items + [None]):
                for _ in range(ch['emptyBefore'].count(ri)):
                    row = add_row()
                    self.zebra(row, zebra_i, first_data, len(cols))
                    zebra_i += 1
                    for c in row.cells:
                        c.paragraphs[0].style = self.doc.styles['Tableau texte']
                if row_model is None:
                    continue
                row = add_row(model=row_model)
                for j, col in enumerate(cols):
                    self.fill_cell(row.cells[first_data + j], row_model['cells'][col['key']])
                self.zebra(row, zebra_i, first_data, len(cols))
                zebra_i += 1
            groups.append((start, len(tbl.rows) - 1, ch))

        # "beside": a first column, vertically merged over each chantier's rows, holding its heading
        if beside:
            for start, end, ch in groups:
                if end < start:
                    continue
                c = tbl.cell(start, 0).merge(tbl.cell(end, 0)) if end > start else tbl.cell(start, 0)
                par = c.paragraphs[0]
                par.style = self.doc.styles['Tableau texte']
                par.alignment = WD_ALIGN_PARAGRAPH.LEFT
                if ch['heading']:
                    r = par.add_run(ch['heading'])
                    r.bold = True
                    r.font.color.rgb = DARK
                shade(c, 'DCE6F1')
                c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        return tbl

    CHAR_WIDTH = {'sans': 0.5, 'serif': 0.48, 'condensed': 0.42, 'mono-ish': 0.61}

    def too_tall(self, row_model, widths):
        """Whether a row may not fit on one page. Word splits such a row even when it "cannot split";
        LibreOffice clips it (the rest of the text is lost), so those rows keep the right to break.
        A rough, generous estimate of the row's height from the text length and the column widths."""
        p = self.p
        size, pad = p['fontSize'], p['cellPadding']
        cw = self.CHAR_WIDTH.get(p['font'], 0.5) * size
        line = 1.17 * p['lineSpacing'] * size
        sec = self.doc.sections[-1]
        avail = (sec.page_height - sec.top_margin - sec.bottom_margin) / 12700 - 90  # pt: header/footer, rows above
        tallest = 0
        for j, col in enumerate(self.m['columns']):
            width = widths[j] / 12700 - 2 * pad - (14 if row_model['cells'][col['key']].get('engine') else 0)
            per_line = max(1, int(width / cw))
            h = 2 * pad
            for par in row_model['cells'][col['key']]['text'].split('\n'):
                lines = -(-int(len(par) * 1.15) // per_line) if par else 1
                h += lines * line + p['paragraphSpacing']
            tallest = max(tallest, h)
        return tallest > 0.75 * avail

    def zebra(self, row, i, first_data, n):
        if self.p['zebra'] and i % 2 == 1:
            for j in range(n):
                shade(row.cells[first_data + j], 'F2F2F2')

    def fill_cell(self, cell, model):
        text, engine = model['text'], model.get('engine', False)
        lines = text.split('\n') if text else ['']
        sym = self.m['symbolBullet']
        for k, line in enumerate(lines):
            par = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            par.style = self.doc.styles['Tableau texte']
            if k > 0 and self.p['paragraphSpacing']:
                par.paragraph_format.space_before = Pt(self.p['paragraphSpacing'])
            marker = next((mk for mk in MARKERS if line.startswith(mk)), None)
            if engine and marker:
                kind = {'- ': 'dash', '• ': 'bullet-symbol' if sym else 'bullet', '⇒ ': 'arrow'}[marker]
                self.make_list_item(par, kind)
                line = line[len(marker):]
            if line:
                par.add_run(line)

    # -- end matter ------------------------------------------------------------------------------
    def transversal(self):
        self.new_section('portrait', first_page_blank=False, own_header=(self.p['sideTab'] != 'none'))
        self.doc.sections[-1].right_margin = Mm(18)
        h = self.para('LES PRIORITÉS RÉGIONALES TRANSVERSALES', style='Heading 1')
        h.paragraph_format.space_before = Pt(0)
        h.paragraph_format.space_after = Pt(8)
        for t in self.m['transversal']:
            self.para(t['title'], style='Heading 3')
            self.para(t['text'], style='Corps de texte ARS')

    def build(self):
        self.setup()
        self.front()
        for ai, axis in enumerate(self.m['axes']):
            self.axis(ai, axis)
        self.transversal()
        return self.doc


def save_deterministic(doc, path):
    """python-docx stamps zip entries with the current time: rewrite them with a fixed one."""
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)


def main():
    model_path, out_path, result_path = sys.argv[1:4]
    with open(model_path, encoding='utf-8') as f:
        model = json.load(f)
    b = Builder(model)
    doc = b.build()
    save_deterministic(doc, out_path)
    with open(result_path, 'w', encoding='utf-8') as f:
        json.dump({'unsupported': b.unsupported}, f)


if __name__ == '__main__':
    main()
