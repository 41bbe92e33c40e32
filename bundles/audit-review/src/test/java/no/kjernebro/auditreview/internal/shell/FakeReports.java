package no.kjernebro.auditreview.internal.shell;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.kjernebro.auditreview.internal.report.AccessReports;

/** Renders a tiny document and remembers what it was asked for. */
final class FakeReports implements AccessReports {

    final List<String> calls = new ArrayList<>();

    @Override
    public byte[] render(String patientId, LocalDate from, LocalDate to, String kommunenummer, Format format) {
        calls.add(patientId + " " + from + ".." + to + " " + kommunenummer + " " + format);
        return (format == Format.PDF ? "%PDF-1.7 innsyn" : "<html>innsyn</html>").getBytes(StandardCharsets.UTF_8);
    }
}
