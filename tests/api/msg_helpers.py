"""msg_helpers - files for the message import tests: CSV in UTF-8 or GBK and
a real xlsx workbook written with the standard library's zipfile (the
parts a spreadsheet program writes: workbook, relationships, shared
strings, one sheet with a numeric date cell)."""
import io
import zipfile
from xml.sax.saxutils import escape

WECHAT_HEADER = ["留言时间", "用户昵称", "留言内容", "留言ID"]


def csv_bytes(rows, header=WECHAT_HEADER, encoding="utf-8"):
    def q(v):
        v = str(v)
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v
    text = "\r\n".join(",".join(q(c) for c in r) for r in [header] + rows) + "\r\n"
    return text.encode(encoding)


def col_name(i):
    return chr(ord("A") + i)


def xlsx_bytes(rows, header=WECHAT_HEADER):
    """rows: lists of str (shared strings) or float (numeric cells, e.g. Excel dates)."""
    strings = []

    def sst(s):
        if s not in strings:
            strings.append(s)
        return strings.index(s)

    sheet_rows = []
    for n, row in enumerate([header] + rows, start=1):
        cells = []
        for i, v in enumerate(row):
            ref = f"{col_name(i)}{n}"
            if isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}" s="1"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
        sheet_rows.append(f'<row r="{n}">{"".join(cells)}</row>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} {rel_ns}><sheets>'
                           f'<sheet name="留言" sheetId="1" r:id="rId7"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                                      'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                      '<Relationship Id="rId7" Type="worksheet" Target="worksheets/data.xml"/>'
                                      '</Relationships>',
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst {ns}>'
                                + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>",
        "xl/worksheets/data.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>'
                                  + "".join(sheet_rows) + "</sheetData></worksheet>",
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))
    return buf.getvalue()


def excel_serial(y, m, d, hh=0, mm=0):
    import datetime
    delta = datetime.datetime(y, m, d, hh, mm) - datetime.datetime(1899, 12, 30)
    return delta.days + delta.seconds / 86400
