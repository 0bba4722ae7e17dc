// export.js - a table as an Excel workbook (.xlsx) the browser downloads.
// ExcelJS is loaded only when the user exports (its own chunk), so pages
// that never export never load it.  rows[0] is the header row (Chinese);
// cells are written as text or numbers, never as formulas.
export async function downloadTable(name, rows, sheetName = "Sheet1") {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "政务新媒体管理平台";
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  for (const r of rows) ws.addRow(r.map(v => (v === null || v === undefined ? "" : v)));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.columns.forEach((col, i) => {
    const widest = Math.max(...rows.map(r => String(r[i] ?? "").length * (/[^\x00-\xff]/.test(String(r[i] ?? "")) ? 2 : 1)));
    col.width = Math.min(Math.max(widest + 2, 8), 60);
  });
  const buf = await wb.xlsx.writeBuffer();
  const blob = new Blob([buf], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `${name}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
