package no.kjernebro.audit.internal;

import static no.kjernebro.audit.internal.FhirR4Validation.assertValid;
import static no.kjernebro.audit.internal.FhirR4Validation.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import no.kjernebro.api.audit.StoredAuditRecord;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

class FhirAuditEventFormatTest {

    private final FhirAuditEventFormat format = new FhirAuditEventFormat("kjernebro-test");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aPageOfRecordsIsAValidSearchsetWithTotalAndNextLink() throws Exception {
        List<StoredAuditRecord> page = List.of(
                BalpTestRecords.stored(BalpTestRecords.allowed(), 1),
                BalpTestRecords.stored(BalpTestRecords.refused(), 2),
                BalpTestRecords.stored(BalpTestRecords.auditorSearch(), 3));

        String json = format.bundle(page, 42, "https://kjernebro.example/audit/fhir/AuditEvent?after=3");

        assertValid(json);
        Bundle bundle = parse(Bundle.class, json);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getTotal()).isEqualTo(42);
        assertThat(bundle.getLink("next").getUrl()).isEqualTo("https://kjernebro.example/audit/fhir/AuditEvent?after=3");
        assertThat(bundle.getEntry()).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.getResource()).isInstanceOf(AuditEvent.class);
            assertThat(entry.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
        });
        JsonNode tree = MAPPER.readTree(json);
        assertThat(tree.path("entry")).allSatisfy(entry -> assertThat(entry.path("fullUrl").asText())
                .isEqualTo("urn:uuid:" + entry.at("/resource/id").asText()));
        assertThat(bundle.getEntry()).extracting(e -> ((AuditEvent) e.getResource()).getOutcome().toCode())
                .containsExactly("0", "4", "0");
    }

    @Test
    void anUnknownTotalAndTheLastPageLeaveTotalAndNextOut() {
        String json = format.bundle(List.of(), -1, null);

        assertValid(json);
        Bundle bundle = parse(Bundle.class, json);
        assertThat(bundle.hasTotal()).isFalse();
        assertThat(bundle.getLink()).isEmpty();
        assertThat(bundle.getEntry()).isEmpty();
    }

    @Test
    void aSingleEventIsTheSameAsItsBundleEntry() throws Exception {
        StoredAuditRecord record = BalpTestRecords.stored(BalpTestRecords.emergency(), 5);

        JsonNode alone = MAPPER.readTree(format.auditEvent(record));
        JsonNode inBundle = MAPPER.readTree(format.bundle(List.of(record), 1, null)).at("/entry/0/resource");

        assertThat(inBundle).isEqualTo(alone);
    }
}
