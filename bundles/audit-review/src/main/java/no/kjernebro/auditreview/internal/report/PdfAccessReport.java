package no.kjernebro.auditreview.internal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The report as a PDF: A4 landscape, Helvetica (WinAnsi, so æøå print), the table header repeated on
 * every page and "Side n av m" in the footer.
 */
final class PdfAccessReport {

    private static final float MARGIN = 36;
    private static final float CELL_FONT = 7.5f;
    private static final float CELL_LEADING = 9.5f;
    private static final float PADDING = 3;
    private static final int MAX_CELL_LINES = 12;
    /** Column widths in points, in {@link ReportRow#LABELS} order; they add up to the usable width. */
    private static final float[] COLUMNS = {80, 70, 72, 86, 60, 72, 82, 96, 56, 76};

    // fields, so they are created after render() installed the font mapper
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final WinAnsiText text = new WinAnsiText(regular);
    private final PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private PDDocument document;
    private PDPageContentStream out;
    private float y;

    static byte[] render(AccessReport report) {
        WriteOnlyFontMapper.install();
        try {
            return new PdfAccessReport().write(report);
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
    }

    private byte[] write(AccessReport report) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            document = doc;
            doc.getDocumentInformation().setTitle(AccessReport.TITLE);
            doc.getDocumentInformation().setCreator("Kjernebro");
            doc.getDocumentCatalog().setLanguage("nb-NO");
            newPage();
            heading(report);
            if (report.rows().isEmpty()) {
                paragraph("Ingen har slått opp i kjernejournalen din i denne perioden.", bold, 10);
            } else {
                tableHeader();
                for (ReportRow row : report.rows()) {
                    row(row.cells(), regular, false);
                }
            }
            out.close();
            footers(report);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    private void heading(AccessReport report) throws IOException {
        paragraph(AccessReport.TITLE, bold, 16);
        y -= 4;
        paragraph("Fødselsnummer: " + report.maskedPatient(), regular, 10);
        paragraph("Periode: " + report.period(), regular, 10);
        paragraph("Kommune: " + (report.kommune() == null ? "Alle" : report.kommune()), regular, 10);
        paragraph("Antall oppslag: " + report.rows().size(), regular, 10);
        y -= 4;
        for (String p : report.explanation()) {
            paragraph(p, regular, 9);
            y -= 3;
        }
        y -= 6;
    }

    private void paragraph(String content, PDType1Font font, float fontSize) throws IOException {
        float width = size.getWidth() - 2 * MARGIN;
        for (String line : wrap(content, font, fontSize, width)) {
            float leading = fontSize * 1.3f;
            if (y - leading < MARGIN + 20) {
                out.close();
                newPage();
            }
            y -= leading;
            show(line, font, fontSize, MARGIN, y);
        }
    }

    private void tableHeader() throws IOException {
        row(ReportRow.LABELS, bold, true);
    }

    private void row(List<String> cells, PDType1Font font, boolean header) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> cellLines = wrap(cells.get(i), font, CELL_FONT, COLUMNS[i] - 2 * PADDING);
            if (cellLines.size() > MAX_CELL_LINES) {
                cellLines = new ArrayList<>(cellLines.subList(0, MAX_CELL_LINES));
                cellLines.set(MAX_CELL_LINES - 1, cellLines.get(MAX_CELL_LINES - 1) + "…");
            }
            lines.add(cellLines);
            height = Math.max(height, cellLines.size());
        }
        float rowHeight = height * CELL_LEADING + 2 * PADDING;
        if (y - rowHeight < MARGIN + 20) {
            out.close();
            newPage();
            if (!header) {
                tableHeader();
            }
        }
        float top = y;
        float x = MARGIN;
        if (header) {
            out.setNonStrokingColor(0.9f);
            out.addRect(MARGIN, top - rowHeight, tableWidth(), rowHeight);
            out.fill();
            out.setNonStrokingColor(0f);
        }
        out.setLineWidth(0.4f);
        for (int i = 0; i < lines.size(); i++) {
            out.addRect(x, top - rowHeight, COLUMNS[i], rowHeight);
            float lineY = top - PADDING - CELL_FONT;
            for (String line : lines.get(i)) {
                show(line, font, CELL_FONT, x + PADDING, lineY);
                lineY -= CELL_LEADING;
            }
            x += COLUMNS[i];
        }
        out.stroke();
        y = top - rowHeight;
    }

    private void show(String line, PDType1Font font, float fontSize, float x, float atY) throws IOException {
        out.beginText();
        out.setFont(font, fontSize);
        out.newLineAtOffset(x, atY);
        out.showText(line);
        out.endText();
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(size);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = size.getHeight() - MARGIN;
    }

    private void footers(AccessReport report) throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                footer.beginText();
                footer.setFont(regular, 8);
                footer.newLineAtOffset(MARGIN, MARGIN - 12);
                footer.showText(text.printable("Laget " + report.generatedAt() + "   ·   Fødselsnummer "
                        + report.maskedPatient() + "   ·   Side " + (i + 1) + " av " + pages));
                footer.endText();
            }
        }
    }

    /** Greedy word wrap; a word wider than the line is broken between characters. */
    private List<String> wrap(String content, PDType1Font font, float fontSize, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.printable(content).split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, fontSize) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int i = 0; i < word.length(); i++) {
                if (!line.isEmpty() && width(line.toString() + word.charAt(i), font, fontSize) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(word.charAt(i));
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String s, PDType1Font font, float fontSize) throws IOException {
        return font.getStringWidth(s) / 1000 * fontSize;
    }

    private static float tableWidth() {
        float sum = 0;
        for (float w : COLUMNS) {
            sum += w;
        }
        return sum;
    }
}
