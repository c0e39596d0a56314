#!/usr/bin/env python3
"""Writes a .docx from neutral document blocks (scripts/producers/documents/blocks.mjs) with python-docx.

Usage: word_docx.py JOB.json OUT.docx      JOB = {"blocks": [...], "style": {...}}
Headings use Word's Heading styles, 'engine' lists Word's List Bullet style, 'columns' a continuous section
with N columns, 'grid' a borderless table, 'table' a ruled table whose {rowSpan} cells are merged down.
"""
import json
import sys

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

job = json.load(open(sys.argv[1], encoding="utf-8"))
style = job.get("style", {})
doc = Document()
body_font = style.get("font", "Liberation Sans")
normal = doc.styles["Normal"]
normal.font.name = body_font
normal.font.size = Pt(style.get("fontSize", 10))
for name, size in (("Heading 1", 15), ("Heading 2", 12), ("Heading 3", 11)):
    st = doc.styles[name]
    st.font.name = body_font
    st.font.size = Pt(size)
    st.font.color.rgb = RGBColor(0x1F, 0x3A, 0x68)
props = doc.core_properties
import datetime
props.created = props.modified = datetime.datetime(2024, 1, 1)
props.author = "fdr"


def set_columns(section, n):
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(n))
    cols.set(qn("w:space"), "425")


def para(text, bold=False, italic=False, size=None, style_name=None, container=None):
    target = container if container is not None else doc
    p = target.add_paragraph(style=style_name) if style_name else target.add_paragraph()
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.bold = bold
        run.italic = italic
        if size:
            run.font.size = Pt(size)
        if i < len(lines) - 1:
            run.add_break()
    return p


def shade(p, fill):
    ppr = p._p.get_or_add_pPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), fill)
    ppr.append(shd)


def list_items(block, container=None):
    marker = block.get("marker", "•")
    for k, item in enumerate(block["items"]):
        first, *subs = item.split("\n")
        if marker == "engine":
            p = para(first, style_name="List Bullet", container=container)
        else:
            m = f"{k + 1}." if marker == "1." else marker
            p = para(f"{m}\t{first}", container=container)
            p.paragraph_format.left_indent = Pt(14)
            p.paragraph_format.first_line_indent = Pt(-14)
        for s in subs:
            q = para(s, container=container)
            q.paragraph_format.left_indent = Pt(24)


def grid(block):
    n = block["n"]
    cells = block["cells"]
    rows = (len(cells) + n - 1) // n
    table = doc.add_table(rows=rows, cols=n)
    for i, c in enumerate(cells):
        cell = table.cell(i // n, i % n)
        cell.paragraphs[0].text = ""
        if c.get("value"):
            run = cell.paragraphs[0].add_run(c["value"])
            run.bold = True
            run.font.size = Pt(22)
            run.font.color.rgb = RGBColor(0x1F, 0x3A, 0x68)
            para(c["caption"], container=cell)
        else:
            for k, line in enumerate(c["caption"].split("\n")):
                p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                p.add_run(line)


def table(block):
    header, rows = block["header"], block["rows"]
    t = doc.add_table(rows=len(rows) + 1, cols=len(header))
    t.style = "Table Grid"
    for j, h in enumerate(header):
        c = t.cell(0, j)
        c.paragraphs[0].add_run(h).bold = True
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v is None:
                continue
            text = v["text"] if isinstance(v, dict) else v
            span = v.get("rowSpan", 1) if isinstance(v, dict) else 1
            c = t.cell(i + 1, j)
            if span > 1:
                c = c.merge(t.cell(i + span, j))
            c.paragraphs[0].text = text


def render(blocks):
    for b in blocks:
        kind = b["t"]
        if kind == "cover":
            sizes = {"xl": 36, "l": 22, "m": 14, "s": 11}
            for line in b["lines"]:
                para(line["text"], bold=line.get("bold", False), size=sizes[line["size"]])
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "h":
            doc.add_heading(b["text"], level=b["level"])
        elif kind == "kicker":
            para(b["text"], size=8)
        elif kind == "p":
            p = para(b["text"], bold=b.get("bold", False), italic=b.get("italic", False))
            if b.get("boxed"):
                shade(p, "F7B500")
        elif kind == "list":
            list_items(b)
        elif kind == "grid":
            grid(b)
        elif kind == "table":
            table(b)
        elif kind == "break":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "columns":
            if b["n"] <= 1:
                render(b["blocks"])
                continue
            sec = doc.add_section(WD_SECTION.CONTINUOUS)
            set_columns(sec, b["n"])
            render(b["blocks"])
            after = doc.add_section(WD_SECTION.CONTINUOUS)
            set_columns(after, 1)
        else:
            raise SystemExit(f"unknown block {kind}")


render(job["blocks"])
doc.save(sys.argv[2])
