#!/usr/bin/env python3
"""Prints neutral document blocks (scripts/producers/documents/blocks.mjs) to PDF with ReportLab Platypus.

Usage: reportlab_doc.py JOB.json OUT.pdf      JOB = {"blocks": [...], "style": {...}}
One text column (a 'columns' block is set in its own frame-width Table of n columns), serif body by default,
bullets as the ListFlowable's own glyphs, headings bold and larger. Deterministic output (invariant=1).
"""
import json
import sys

from reportlab import rl_config

rl_config.invariant = 1
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (KeepTogether, ListFlowable, ListItem, PageBreak, Paragraph, SimpleDocTemplate,
                                Spacer, Table, TableStyle)
from reportlab.platypus.flowables import BalancedColumns
from xml.sax.saxutils import escape

job = json.load(open(sys.argv[1], encoding="utf-8"))
style = job.get("style", {})
FONTS = {
    "serif": ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf"),
    "sans": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
}
regular, bold = FONTS[style.get("font", "serif")]
pdfmetrics.registerFont(TTFont("Body", regular))
pdfmetrics.registerFont(TTFont("Body-Bold", bold))
from reportlab.pdfbase.pdfmetrics import registerFontFamily

registerFontFamily("Body", normal="Body", bold="Body-Bold", italic="Body", boldItalic="Body-Bold")
size = style.get("fontSize", 10.5)
body = ParagraphStyle("body", fontName="Body", fontSize=size, leading=size * 1.25, spaceAfter=size * 0.5, alignment=TA_LEFT)
H = {
    1: ParagraphStyle("h1", parent=body, fontName="Body-Bold", fontSize=size * 1.6, leading=size * 1.9, spaceBefore=size, spaceAfter=size * 0.8, textColor=colors.HexColor("#1f3a68")),
    2: ParagraphStyle("h2", parent=body, fontName="Body-Bold", fontSize=size * 1.25, leading=size * 1.5, spaceBefore=size * 0.8, spaceAfter=size * 0.4),
    3: ParagraphStyle("h3", parent=body, fontName="Body-Bold", fontSize=size * 1.1, leading=size * 1.4, spaceBefore=size * 0.6, spaceAfter=size * 0.3),
}
kicker = ParagraphStyle("kicker", parent=body, fontSize=size * 0.75, leading=size, spaceAfter=0, textColor=colors.HexColor("#555555"))
boxed = ParagraphStyle("boxed", parent=body, backColor=colors.HexColor("#F7B500"), borderPadding=4, spaceBefore=6, spaceAfter=10)
COVER = {"xl": 3.2, "l": 2.0, "m": 1.3, "s": 1.0}


def text(s):
    return "<br/>".join(escape(line) for line in s.split("\n"))


def flow(blocks, width):
    out = []
    for b in blocks:
        k = b["t"]
        if k == "cover":
            out.append(Spacer(1, 60 * mm))
            for line in b["lines"]:
                f = COVER[line["size"]]
                st = ParagraphStyle("c", parent=body, fontName="Body-Bold" if line.get("bold") else "Body", fontSize=size * f, leading=size * f * 1.3)
                out.append(Paragraph(text(line["text"]), st))
            out.append(PageBreak())
        elif k == "h":
            out.append(Paragraph(text(b["text"]), H[b["level"]]))
        elif k == "kicker":
            out.append(Paragraph(text(b["text"]), kicker))
        elif k == "p":
            t = text(b["text"])
            if b.get("bold"):
                t = f"<b>{t}</b>"
            out.append(Paragraph(t, boxed if b.get("boxed") else body))
        elif k == "list":
            marker = b.get("marker", "•")
            items = []
            for item in b["items"]:
                first, *subs = item.split("\n")
                parts = [Paragraph(text(first), body)] + [Paragraph(text(s), ParagraphStyle("sub", parent=body, leftIndent=10)) for s in subs]
                items.append(ListItem(parts))
            if marker == "1.":
                out.append(ListFlowable(items, bulletType="1", bulletFontName="Body", bulletFontSize=size, leftIndent=16))
            else:
                glyph = "–" if marker == "–" else "•"
                out.append(ListFlowable(items, bulletType="bullet", start=glyph, bulletFontName="Body", bulletFontSize=size, leftIndent=14))
        elif k == "columns":
            n = b["n"]
            if n <= 1:
                out.extend(flow(b["blocks"], width))
                continue
            # BalancedColumns flows the blocks through n columns and splits across pages.
            out.append(BalancedColumns(flow(b["blocks"], width / n), nCols=n, spaceBefore=0, spaceAfter=size * 0.5, innerPadding=size * 1.5))
        elif k == "grid":
            n = b["n"]
            big = ParagraphStyle("big", parent=body, fontName="Body-Bold", fontSize=size * 2, leading=size * 2.3)
            cells = [[Paragraph(escape(c["value"]), big), Paragraph(text(c["caption"]), body)] if c["value"] else [Paragraph(text(c["caption"]), body)] for c in b["cells"]]
            rows = [cells[i:i + n] + [[]] * (n - len(cells[i:i + n])) for i in range(0, len(cells), n)]
            t = Table(rows, colWidths=[width / n] * n)
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            out.append(t)
        elif k == "table":
            header, rows = b["header"], b["rows"]
            data = [[Paragraph(f"<b>{escape(h)}</b>", body) for h in header]]
            spans = []
            for i, row in enumerate(rows):
                line = []
                for j, v in enumerate(row):
                    if v is None:
                        line.append("")
                        continue
                    if isinstance(v, dict):
                        if v.get("rowSpan", 1) > 1:
                            spans.append(("SPAN", (j, i + 1), (j, i + v["rowSpan"])))
                        v = v["text"]
                    line.append(Paragraph(text(v), body))
                data.append(line)
            t = Table(data, colWidths=[width / len(header)] * len(header), repeatRows=1)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")] + spans))
            out.append(t)
        elif k == "break":
            out.append(PageBreak())
        else:
            raise SystemExit(f"unknown block {k}")
    return out


doc = SimpleDocTemplate(sys.argv[2], pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm,
                        title="document", author="fdr", creator="fdr")
doc.build(flow(job["blocks"], doc.width))
