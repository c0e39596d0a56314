#!/usr/bin/env python3
"""Writes an events document (workshop note, press release) as a Word .docx with python-docx, from the blocks
of scripts/producers/events/model.mjs: headings as Word heading paragraphs, lists with Word's own bullets,
workshops in a real Word table (merged cells where a département or territory runs down several rows).

    /usr/bin/python3 build_docx.py JOB.json OUT.docx        JOB = {"params": {...}, "blocks": [...]}
"""
import datetime
import json
import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

FONTS = {'sans': 'Liberation Sans', 'serif': 'Liberation Serif'}


def rgb(hexa):
    return RGBColor.from_string(hexa)


def run_style(run, size, bold=False, color=None, font=None):
    run.font.size = Pt(size)
    run.bold = bold
    if color:
        run.font.color.rgb = rgb(color)
    if font:
        run.font.name = font


def shade(cell, fill):
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement('w:shd')
    shd.set(qn('w:val'), 'clear')
    shd.set(qn('w:color'), 'auto')
    shd.set(qn('w:fill'), fill)
    tc_pr.append(shd)


def borders(table, rules):
    """grid: every rule; horizontal: rules between rows only; none: no rule at all."""
    tbl_pr = table._tbl.tblPr
    el = OxmlElement('w:tblBorders')
    for side in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'):
        b = OxmlElement(f'w:{side}')
        on = rules == 'grid' or (rules == 'horizontal' and side in ('top', 'bottom', 'insideH'))
        b.set(qn('w:val'), 'single' if on else 'nil')
        b.set(qn('w:sz'), '6')
        b.set(qn('w:color'), '808080')
        el.append(b)
    tbl_pr.append(el)


def main():
    job = json.load(open(sys.argv[1], encoding='utf-8'))
    p, blocks = job['params'], job['blocks']
    font = FONTS[p['font']]
    size = p['bodySize']
    doc = Document()
    doc.core_properties.created = datetime.datetime(2024, 1, 1)
    doc.core_properties.modified = datetime.datetime(2024, 1, 1)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(22)
    sec.top_margin = sec.bottom_margin = Mm(20)
    normal = doc.styles['Normal']
    normal.font.name = font
    normal.font.size = Pt(size)
    normal.element.rPr.rFonts.set(qn('w:eastAsia'), font)
    normal.paragraph_format.space_after = Pt(size * 0.6)
    for name in ('List Bullet', 'Heading 1', 'Heading 2', 'Title'):
        st = doc.styles[name]
        st.font.name = font
    usable = sec.page_width - sec.left_margin - sec.right_margin

    for b in blocks:
        t = b['t']
        if t == 'banner':
            for line in b['lines']:
                para = doc.add_paragraph()
                para.paragraph_format.space_after = Pt(0)
                run_style(para.add_run(line), size * 0.9, True, p['headingColor'])
            doc.add_paragraph()
        elif t == 'label':
            run_style(doc.add_paragraph().add_run(b['text']), size * 1.1, True)
        elif t == 'dateline':
            para = doc.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run_style(para.add_run(b['text']), size)
        elif t == 'title':
            para = doc.add_paragraph()
            para.paragraph_format.space_after = Pt(size)
            run_style(para.add_run(b['text']), size * 1.7, True, p['headingColor'])
        elif t == 'heading':
            level = b['level']
            para = doc.add_heading('', level=level)
            para.paragraph_format.space_before = Pt(size * (1.2 if level == 1 else 0.8))
            scale = p['headingScale'] if level == 1 else max(1.0, p['headingScale'] * 0.85)
            run_style(para.add_run(b['text']), size * scale, p['headingBold'] or level == 2, p['headingColor'], font)
        elif t == 'p':
            para = doc.add_paragraph()
            run_style(para.add_run(b['text']), size, b.get('bold', False))
        elif t == 'list':
            for it in b['items']:
                para = doc.add_paragraph(style='List Bullet')
                run_style(para.add_run(it['text']), size)
        elif t == 'table':
            rows = b['rows']
            table = doc.add_table(rows=len(rows) + 1, cols=len(b['header']))
            borders(table, p['rules'])
            dark = p['headerFill'] in ('1F3864',)
            for k, h in enumerate(b['header']):
                cell = table.rows[0].cells[k]
                cell.width = int(usable * b['widths'][k])
                if p['headerFill'] != 'FFFFFF':
                    shade(cell, p['headerFill'])
                run_style(cell.paragraphs[0].add_run(h), size, True, 'FFFFFF' if dark else None)
            for r, row in enumerate(rows):
                for k, text in enumerate(row):
                    cell = table.rows[r + 1].cells[k]
                    cell.width = int(usable * b['widths'][k])
                    if k in b['merge'] and r > 0 and rows[r - 1][k] == text and text:
                        continue
                    run_style(cell.paragraphs[0].add_run(text), size)
            # merged cells: a value repeated down a merged column is one cell spanning those rows
            for k in b['merge']:
                start = 0
                for r in range(1, len(rows) + 1):
                    if r == len(rows) or rows[r][k] != rows[start][k]:
                        if r - start > 1:
                            table.cell(start + 1, k).merge(table.cell(r, k))
                        start = r
            doc.add_paragraph()
    doc.save(sys.argv[2])


if __name__ == '__main__':
    main()
