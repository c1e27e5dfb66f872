package org.thesislab.viz;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Tablesaw tables as HTML for the notebook, numbers rounded for reading (the CSV keeps full precision). */
public final class Tables {
    private Tables() {}

    public static String html(Table table) {
        StringBuilder s = new StringBuilder("<table style=\"border-collapse:collapse;font-size:13px\">");
        if (table.name() != null && !table.name().isBlank()) {
            s.append("<caption style=\"font-weight:bold;text-align:left\">").append(escape(table.name())).append("</caption>");
        }
        s.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            s.append("<th style=\"border-bottom:1px solid #999;padding:2px 8px;text-align:left\">")
                    .append(escape(c.name())).append("</th>");
        }
        s.append("</tr></thead><tbody>");
        for (int r = 0; r < table.rowCount(); r++) {
            s.append("<tr>");
            for (Column<?> c : table.columns()) {
                Object v = c.get(r);
                boolean numeric = v instanceof Number;
                s.append("<td style=\"padding:2px 8px;text-align:").append(numeric ? "right" : "left").append("\">")
                        .append(escape(format(v))).append("</td>");
            }
            s.append("</tr>");
        }
        return s.append("</tbody></table>").toString();
    }

    /** Four significant digits for reals, as-is for everything else; missing values as an empty cell. */
    public static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                return "";
            }
            if (d != 0 && (Math.abs(d) >= 1e5 || Math.abs(d) < 1e-3)) {
                return String.format("%.3e", d);
            }
            return new java.math.BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
