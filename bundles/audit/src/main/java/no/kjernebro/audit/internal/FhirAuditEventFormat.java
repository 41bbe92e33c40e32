package no.kjernebro.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import no.kjernebro.api.audit.AuditEventFormat;
import no.kjernebro.api.audit.StoredAuditRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/** {@link AuditEventFormat}: BALP AuditEvents and searchset Bundles as FHIR R4 JSON. */
@Component(name = "no.kjernebro.audit.format", configurationPid = "no.kjernebro.audit",
        service = AuditEventFormat.class)
public final class FhirAuditEventFormat implements AuditEventFormat {

    private final ObjectMapper mapper = new ObjectMapper();
    private volatile BalpAuditEventRenderer renderer;

    /** For DS. */
    public FhirAuditEventFormat() {
    }

    FhirAuditEventFormat(String serverName) {
        renderer = new BalpAuditEventRenderer(mapper, serverName);
    }

    @Activate
    @Modified
    void configure(FhirFormatConfiguration config) {
        renderer = new BalpAuditEventRenderer(mapper, config.server_name());
    }

    @Override
    public String auditEvent(StoredAuditRecord record) {
        return write(renderer.render(record));
    }

    @Override
    public String bundle(List<StoredAuditRecord> records, long total, String nextUrl) {
        BalpAuditEventRenderer current = renderer;
        ObjectNode bundle = mapper.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        if (total >= 0) {
            bundle.put("total", total);
        }
        if (nextUrl != null && !nextUrl.isBlank()) {
            bundle.putArray("link").addObject().put("relation", "next").put("url", nextUrl);
        }
        if (!records.isEmpty()) {
            ArrayNode entries = bundle.putArray("entry");
            for (StoredAuditRecord record : records) {
                ObjectNode event = current.render(record);
                ObjectNode entry = entries.addObject();
                // the id is a UUID, so the entry needs no server base to be addressable
                entry.put("fullUrl", "urn:uuid:" + event.path("id").asText());
                entry.set("resource", event);
                entry.putObject("search").put("mode", "match");
            }
        }
        return write(bundle);
    }

    private String write(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // a tree of strings and numbers always serialises; this would be a Jackson bug
            throw new UncheckedIOException(e);
        }
    }
}
