package no.kjernebro.auditreview.internal.http.fakes;

import java.util.List;
import java.util.stream.Collectors;
import no.kjernebro.api.audit.AuditEventFormat;
import no.kjernebro.api.audit.StoredAuditRecord;

/** Just enough FHIR to see that records went through the format service. */
public final class FakeAuditEventFormat implements AuditEventFormat {

    @Override
    public String auditEvent(StoredAuditRecord record) {
        return "{\"resourceType\":\"AuditEvent\",\"id\":\"" + record.reference() + "\"}";
    }

    @Override
    public String bundle(List<StoredAuditRecord> records, long total, String nextUrl) {
        String entries = records.stream().map(r -> "{\"resource\":" + auditEvent(r) + "}")
                .collect(Collectors.joining(","));
        String link = nextUrl == null ? "" : ",\"link\":[{\"relation\":\"next\",\"url\":\"" + nextUrl + "\"}]";
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"" + link + ",\"entry\":[" + entries + "]}";
    }
}
