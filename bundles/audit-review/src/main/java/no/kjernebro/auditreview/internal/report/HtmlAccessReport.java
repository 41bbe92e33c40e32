package no.kjernebro.auditreview.internal.report;

import java.nio.charset.StandardCharsets;

/**
 * The report as a self-contained HTML page (inline style, no scripts, nothing fetched), so it can be
 * mailed or printed as is. Every value is escaped: names and units come from callers.
 */
final class HtmlAccessReport {

    private HtmlAccessReport() {
    }

    static byte[] render(AccessReport report) {
        StringBuilder html = new StringBuilder(4096 + report.rows().size() * 400);
        html.append("<!DOCTYPE html>\n<html lang=\"no\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n<title>").append(escape(AccessReport.TITLE))
                .append("</title>\n<style>")
                .append("body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;width:100%;font-size:0.85em}")
                .append("th,td{border:1px solid #999;padding:4px;text-align:left;vertical-align:top}")
                .append("th{background:#eee}.meta{margin:0.2em 0}")
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(AccessReport.TITLE)).append("</h1>\n");
        meta(html, "Fødselsnummer", report.maskedPatient());
        meta(html, "Periode", report.period());
        meta(html, "Kommune", report.kommune() == null ? "Alle" : report.kommune());
        meta(html, "Antall oppslag", Integer.toString(report.rows().size()));
        for (String paragraph : report.explanation()) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        if (report.rows().isEmpty()) {
            html.append("<p><strong>Ingen har slått opp i kjernejournalen din i denne perioden.</strong></p>\n");
        } else {
            table(html, report);
        }
        html.append("<p class=\"meta\">Laget ").append(escape(report.generatedAt())).append("</p>\n");
        html.append("</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder html, AccessReport report) {
        html.append("<table>\n<thead><tr>");
        for (String label : ReportRow.LABELS) {
            html.append("<th scope=\"col\">").append(escape(label)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (ReportRow row : report.rows()) {
            html.append("<tr>");
            for (String cell : row.cells()) {
                html.append("<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void meta(StringBuilder html, String label, String value) {
        html.append("<p class=\"meta\"><strong>").append(escape(label)).append(":</strong> ").append(escape(value))
                .append("</p>\n");
    }

    /** Escapes text for element content and quoted attribute values alike. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters have no business in a report and could confuse a mail client
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
