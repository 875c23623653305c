package io.mingjing.platform.cockpit;

import io.mingjing.platform.cockpit.CockpitView.Bar;
import io.mingjing.platform.cockpit.CockpitView.Chart;
import io.mingjing.platform.cockpit.CockpitView.Headline;
import io.mingjing.platform.cockpit.CockpitView.UnitRow;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** A cockpit as an .xlsx workbook: the headlines, every chart's table, and the units' ranking, one sheet each. */
final class CockpitExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private CockpitExport() {
    }

    static Response response(CockpitView v) {
        StreamingOutput body = out -> write(v, out);
        String name = "cockpit-" + v.unit() + "-" + v.from() + "-" + v.to() + ".xlsx";
        return Response.ok(body, XLSX).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    static void write(CockpitView v, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Mingjing", "1.0");
        Worksheet head = wb.newWorksheet(sheet(v.unitName()));
        head.value(0, 0, v.unitName());
        head.value(0, 1, v.from() + " – " + v.to());
        int r = 2;
        for (Headline h : v.headlines()) {
            head.value(r, 0, h.label());
            head.value(r++, 1, h.value());
        }
        for (Chart c : v.charts()) {
            Worksheet s = wb.newWorksheet(sheet(c.title()));
            s.value(0, 0, c.title());
            s.value(0, 1, "n");
            s.value(0, 2, c.money() ? "¥" : "Σ");
            int i = 1;
            for (Bar b : c.bars()) {
                s.value(i, 0, b.label());
                s.value(i, 1, b.n());
                s.value(i++, 2, b.total());
            }
        }
        if (!v.units().isEmpty()) {
            Worksheet s = wb.newWorksheet("ranking");
            String[] cols = { "#", "unit", "appeals", "red", "satisfaction %", "approvals", "amount", "covered", "villages" };
            for (int c = 0; c < cols.length; c++) {
                s.value(0, c, cols[c]);
            }
            int i = 1;
            for (UnitRow u : v.units()) {
                s.value(i, 0, u.rank());
                s.value(i, 1, u.name());
                s.value(i, 2, u.appeals());
                s.value(i, 3, u.red());
                s.value(i, 4, u.satisfaction());
                s.value(i, 5, u.approvals());
                s.value(i, 6, u.amount());
                s.value(i, 7, u.covered());
                s.value(i++, 8, u.villages());
            }
        }
        wb.finish();
    }

    /** Excel's rule for sheet names: at most 31 characters, none of \\ / ? * [ ] : */
    static String sheet(String name) {
        String clean = name.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        return clean.length() > 31 ? clean.substring(0, 31) : clean.isEmpty() ? "-" : clean;
    }
}
