#!/usr/bin/env python3
"""Prints an events document with ReportLab Platypus (Debian python3-reportlab), from the blocks of
scripts/producers/events/model.mjs: Liberation fonts, headings set by size and weight, ListFlowable bullets,
workshops in a Platypus Table (SPAN commands for merged cells, rules as the parameters say).

    /usr/bin/python3 build_reportlab.py JOB.json OUT.pdf        JOB = {"params": {...}, "blocks": [...]}
"""
import json
import sys

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape

rl_config.invariant = 1
LIB = '/usr/share/fonts/truetype/liberation/'
FAMILIES = {'sans': 'LiberationSans', 'serif': 'LiberationSerif'}


def register(family):
    for suffix in ('Regular', 'Bold'):
        pdfmetrics.registerFont(TTFont(f'{family}-{suffix}', f'{LIB}{family}-{suffix}.ttf'))
    return f'{family}-Regular', f'{family}-Bold'


def main():
    job = json.load(open(sys.argv[1], encoding='utf-8'))
    p, blocks = job['params'], job['blocks']
    regular, bold = register(FAMILIES[p['font']])
    size = p['bodySize']
    color = colors.HexColor('#' + p['headingColor'])
    body = ParagraphStyle('body', fontName=regular, fontSize=size, leading=size * 1.3, spaceAfter=size * 0.6)
    cell = ParagraphStyle('cell', parent=body, spaceAfter=0)
    head_cell = ParagraphStyle('headcell', parent=cell, fontName=bold,
                               textColor=colors.white if p['headerFill'] == '1F3864' else colors.black)
    h1s = size * p['headingScale']
    h1 = ParagraphStyle('h1', parent=body, fontName=bold if p['headingBold'] else regular, fontSize=h1s,
                        leading=h1s * 1.25, textColor=color, spaceBefore=size * 1.2, spaceAfter=size * 0.6)
    h2s = size * max(1.0, p['headingScale'] * 0.85)
    h2 = ParagraphStyle('h2', parent=h1, fontName=bold, fontSize=h2s, leading=h2s * 1.25, spaceBefore=size * 0.8)
    title = ParagraphStyle('title', parent=h1, fontName=bold, fontSize=size * 1.7, leading=size * 2.1, spaceAfter=size)
    story = []
    para = lambda text, style: Paragraph(escape(text), style)
    for b in blocks:
        t = b['t']
        if t == 'banner':
            for line in b['lines']:
                story.append(para(line, ParagraphStyle('banner', parent=body, fontName=bold, fontSize=size * 0.9, textColor=color, spaceAfter=0)))
            story.append(Spacer(1, size))
        elif t == 'label':
            story.append(para(b['text'], ParagraphStyle('label', parent=body, fontName=bold, fontSize=size * 1.1)))
        elif t == 'dateline':
            story.append(para(b['text'], ParagraphStyle('dateline', parent=body, alignment=TA_RIGHT)))
        elif t == 'title':
            story.append(para(b['text'], title))
        elif t == 'heading':
            story.append(para(b['text'], h1 if b['level'] == 1 else h2))
        elif t == 'p':
            story.append(para(b['text'], ParagraphStyle('pb', parent=body, fontName=bold) if b.get('bold') else body))
        elif t == 'list':
            items = [ListItem(para(it['text'], cell), leftIndent=14) for it in b['items']]
            story.append(ListFlowable(items, bulletType='bullet', start=p['bullet'], bulletFontName=regular, bulletFontSize=size, leftIndent=14))
            story.append(Spacer(1, size * 0.6))
        elif t == 'table':
            rows = b['rows']
            width = A4[0] - 44 * mm
            data = [[para(h, head_cell) for h in b['header']]]
            style = [('VALIGN', (0, 0), (-1, -1), 'TOP'), ('TOPPADDING', (0, 0), (-1, -1), 3), ('BOTTOMPADDING', (0, 0), (-1, -1), 4)]
            if p['headerFill'] != 'FFFFFF':
                style.append(('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#' + p['headerFill'])))
            for r, row in enumerate(rows):
                data.append([para('' if (k in b['merge'] and r > 0 and rows[r - 1][k] == text) else text, cell) for k, text in enumerate(row)])
            for k in b['merge']:
                start = 0
                for r in range(1, len(rows) + 1):
                    if r == len(rows) or rows[r][k] != rows[start][k]:
                        if r - start > 1:
                            style.append(('SPAN', (k, start + 1), (k, r)))
                        start = r
            grey = colors.HexColor('#808080')
            if p['rules'] == 'grid':
                style.append(('GRID', (0, 0), (-1, -1), 0.5, grey))
            elif p['rules'] == 'horizontal':
                style.append(('LINEBELOW', (0, 0), (-1, -1), 0.5, grey))
                style.append(('LINEABOVE', (0, 0), (-1, 0), 0.5, grey))
            table = Table(data, colWidths=[width * w for w in b['widths']], repeatRows=1)
            table.setStyle(TableStyle(style))
            story.append(table)
            story.append(Spacer(1, size))
    doc = SimpleDocTemplate(sys.argv[2], pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm, topMargin=20 * mm, bottomMargin=20 * mm,
                            title='', author='', creator='', producer='ReportLab')
    doc.build(story)


if __name__ == '__main__':
    main()
