#!/usr/bin/python3
"""Makes hostile or foreign variants of a workbook for the reader tests (kept as a script,
not as binaries). Run with the system python that has openpyxl:

  /usr/bin/python3 scripts/xlsx-variants.py IN OUT [--openpyxl] [--pad BYTES]
      [--merge SHEET_PART:REF] [--whitespace SHEET_PART:BYTES] [--formula SHEET_PART:CELL]
      [--excel-order]

--openpyxl      load and save with openpyxl: worksheet parts stored before xl/workbook.xml,
                absolute relationship targets ("/xl/worksheets/sheet1.xml")
--pad BYTES     add a veryHidden sheet of random text until the file is over BYTES
--merge         add <mergeCell ref=REF/> to a worksheet part (e.g. sheet2.xml:P10:XFD1048576)
--whitespace    put BYTES of whitespace inside the sheetData of a worksheet part (a zip bomb)
--formula       turn CELL of a worksheet part into a formula with no cached value
--excel-order   store the parts in the order Excel does: workbook.xml first, the shared
                strings after the worksheets
"""
import argparse, os, random, re, shutil, string, tempfile, zipfile


def resave_with_openpyxl(src, dst, pad):
    import openpyxl
    wb = openpyxl.load_workbook(src)
    if pad:
        ws = wb.create_sheet('_pad')
        ws.sheet_state = 'veryHidden'
        rng = random.Random(7)
        rows = 0
        while True:
            for _ in range(2000):
                ws.append([''.join(rng.choice(string.ascii_letters) for _ in range(60)) for _ in range(4)])
                rows += 1
            wb.save(dst)
            if os.path.getsize(dst) > pad:
                return
    wb.save(dst)


def rewrite_part(path, part, edit):
    """Copies the zip, passing one part's text through edit(text) -> iterable of str chunks."""
    fd, tmp = tempfile.mkstemp(suffix='.xlsx', dir=os.path.dirname(path) or '.')
    os.close(fd)
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == 'xl/worksheets/' + part:
                with zout.open(info.filename, 'w', force_zip64=False) as out:
                    for chunk in edit(data.decode('utf-8')):
                        out.write(chunk.encode('utf-8'))
            else:
                zout.writestr(info, data)
    shutil.move(tmp, path)


EXCEL_ORDER = ['[Content_Types].xml', '_rels/', 'xl/workbook.xml', 'xl/_rels/', 'xl/worksheets/', 'xl/theme/', 'xl/styles.xml', 'xl/sharedStrings.xml', 'docProps/']

def excel_order(path):
    rank = lambda name: next((i for i, prefix in enumerate(EXCEL_ORDER) if name.startswith(prefix)), len(EXCEL_ORDER))
    fd, tmp = tempfile.mkstemp(suffix='.xlsx', dir=os.path.dirname(path) or '.')
    os.close(fd)
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as zout:
        for info in sorted(zin.infolist(), key=lambda i: rank(i.filename)):
            zout.writestr(info, zin.read(info.filename))
    shutil.move(tmp, path)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('src')
    p.add_argument('dst')
    p.add_argument('--openpyxl', action='store_true')
    p.add_argument('--pad', type=int, default=0)
    p.add_argument('--merge')
    p.add_argument('--whitespace')
    p.add_argument('--formula')
    p.add_argument('--excel-order', action='store_true')
    a = p.parse_args()
    if a.openpyxl or a.pad:
        resave_with_openpyxl(a.src, a.dst, a.pad)
    else:
        shutil.copyfile(a.src, a.dst)
    if a.merge:
        part, ref = a.merge.split(':', 1)
        def add_merge(xml):
            tag = '<mergeCell ref="%s"/>' % ref
            if '</mergeCells>' in xml:
                yield xml.replace('</mergeCells>', tag + '</mergeCells>', 1)
            else:
                yield xml.replace('</sheetData>', '</sheetData><mergeCells count="1">%s</mergeCells>' % tag, 1)
        rewrite_part(a.dst, part, add_merge)
    if a.whitespace:
        part, size = a.whitespace.split(':')
        def add_whitespace(xml):
            at = xml.index('</sheetData>')
            yield xml[:at]
            block = ' ' * (1 << 20)
            for _ in range(int(size) >> 20):
                yield block
            yield xml[at:]
        rewrite_part(a.dst, part, add_whitespace)
    if a.formula:
        part, cell = a.formula.split(':')
        def add_formula(xml):
            pattern = re.compile(r'<c r="%s"[^>]*?(/>|>.*?</c>)' % cell)
            yield pattern.sub('<c r="%s"><f>1+1</f></c>' % cell, xml, count=1)
        rewrite_part(a.dst, part, add_formula)
    if a.excel_order:
        excel_order(a.dst)


main()
