package no.kjernebro.auditreview.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV (comma, CRLF, quotes doubled) that is also safe to open in a spreadsheet: a cell that
 * starts with = + - @ (or a tab or carriage return) gets a leading apostrophe so it is never run as a
 * formula. Names and reasons in the log come from callers, so this matters.
 */
final class Csv {

    private Csv() {
    }

    static byte[] write(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(256 + rows.size() * 256);
        line(out, header);
        for (List<String> row : rows) {
            line(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
