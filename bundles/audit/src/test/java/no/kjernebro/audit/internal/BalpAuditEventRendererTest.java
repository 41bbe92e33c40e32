package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.Outcome;
import org.junit.jupiter.api.Test;

class BalpAuditEventRendererTest {

    private final BalpAuditEventRenderer renderer = new BalpAuditEventRenderer(new ObjectMapper(), "kjernebro-test");

    @Test
    void anAllowedLookupIsAPatientRead() {
        JsonNode event = render(TestEntries.lookup(), 7);

        assertThat(event.path("resourceType").asText()).isEqualTo("AuditEvent");
        assertThat(event.path("id").asText()).isEqualTo("KJB-000000000007");
        assertThat(event.at("/meta/profile/0").asText()).endsWith("IHE.BasicAudit.PatientRead");
        assertThat(event.at("/type/system").asText()).isEqualTo("http://terminology.hl7.org/CodeSystem/audit-event-type");
        assertThat(event.at("/type/code").asText()).isEqualTo("rest");
        assertThat(event.at("/subtype/0/code").asText()).isEqualTo("read");
        assertThat(event.path("action").asText()).isEqualTo("R");
        assertThat(event.path("recorded").asText()).isEqualTo("2025-03-02T10:15:30.123456Z");
        assertThat(event.path("outcome").asText()).isEqualTo("0");
    }

    @Test
    void theUserIsTheRequestingAgentWithHprNumberProfessionAndAccessBasis() {
        JsonNode user = render(TestEntries.lookup(), 1).at("/agent/0");

        assertThat(user.at("/type/coding/0/code").asText()).isEqualTo("IRCP");
        assertThat(user.path("requestor").asBoolean()).isTrue();
        assertThat(user.at("/who/identifier/system").asText()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.4");
        assertThat(user.at("/who/identifier/value").asText()).isEqualTo("9100002");
        assertThat(user.at("/who/display").asText()).isEqualTo("Siv Testsykepleier");
        assertThat(user.at("/role/0/coding/0/system").asText()).isEqualTo("urn:oid:2.16.578.1.12.4.1.1.9060");
        assertThat(user.at("/role/0/coding/0/code").asText()).isEqualTo("SP");
        assertThat(user.at("/purposeOfUse/0/coding/0/code").asText()).isEqualTo("HPMOTTATTSAMTYKKE");
        assertThat(user.at("/purposeOfUse/0/coding/1/code").asText()).isEqualTo("TREAT");
    }

    @Test
    void clientAndServerAgentsAndTheSourceNameTheSystemsAndOrganisation() {
        JsonNode event = render(TestEntries.lookup(), 1);

        JsonNode client = event.at("/agent/1");
        assertThat(client.at("/type/coding/0/code").asText()).isEqualTo("110153");
        assertThat(client.at("/who/display").asText()).isEqualTo("TestEPJ 4.2");
        assertThat(client.path("altId").asText()).isEqualTo("sykehjem-xml");
        assertThat(client.path("requestor").asBoolean()).isFalse();
        JsonNode server = event.at("/agent/2");
        assertThat(server.at("/type/coding/0/code").asText()).isEqualTo("110152");
        assertThat(server.at("/who/display").asText()).isEqualTo("kjernebro-test");
        assertThat(event.at("/source/observer/identifier/system").asText()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.101");
        assertThat(event.at("/source/observer/identifier/value").asText()).isEqualTo("990560102");
        assertThat(event.at("/source/site").asText()).isEqualTo("5601");
    }

    @Test
    void entitiesNameThePatientTheSectionsAndTheRequestId() {
        JsonNode entities = render(TestEntries.lookup(), 1).path("entity");

        JsonNode patient = entities.get(0);
        assertThat(patient.at("/role/code").asText()).isEqualTo("1");
        assertThat(patient.at("/type/code").asText()).isEqualTo("1");
        assertThat(patient.at("/what/identifier/system").asText()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.1");
        assertThat(patient.at("/what/identifier/value").asText()).isEqualTo(TestEntries.PATIENT);
        JsonNode query = entities.get(1);
        assertThat(query.at("/role/code").asText()).isEqualTo("24");
        assertThat(query.at("/detail/0/valueString").asText()).isEqualTo("PERSONALIA,LEGEMIDLER,KRITISK_INFORMASJON");
        assertThat(entities.get(2).at("/type/code").asText()).isEqualTo("XrequestId");
        assertThat(entities.get(2).at("/what/identifier/value").asText()).isEqualTo("corr-1");
    }

    @Test
    void aSystemQueryIsAPatientQueryWithTheInitiatingSystemAsRequestor() {
        JsonNode event = render(TestEntries.systemQuery(TestEntries.PATIENT, "sweep-7/3"), 9);

        assertThat(event.at("/meta/profile/0").asText()).endsWith("IHE.BasicAudit.PatientQuery");
        assertThat(event.at("/subtype/0/code").asText()).isEqualTo("search");
        assertThat(event.path("action").asText()).isEqualTo("E");
        assertThat(event.path("outcome").asText()).isEqualTo("0");
        JsonNode requestor = event.at("/agent/0");
        assertThat(requestor.at("/type/coding/0/code").asText()).isEqualTo("110150");
        assertThat(requestor.path("requestor").asBoolean()).isTrue();
        assertThat(requestor.at("/who/identifier/value").asText()).isEqualTo("sweep-scheduler:5601");
        assertThat(requestor.has("purposeOfUse")).isFalse();
        assertThat(event.at("/agent/1/altId").asText()).isEqualTo("hjemmetjeneste-json");
        JsonNode entities = event.path("entity");
        assertThat(entities.get(0).at("/role/code").asText()).isEqualTo("1");
        assertThat(entities.get(0).at("/what/identifier/value").asText()).isEqualTo(TestEntries.PATIENT);
        assertThat(entities.get(1).at("/role/code").asText()).isEqualTo("24");
        assertThat(entities.get(1).at("/what/display").asText()).contains("Legemiddelvarsling");
        assertThat(entities.get(1).at("/detail/0/valueString").asText()).isEqualTo("LEGEMIDDELVARSLING");
        assertThat(entities.get(2).at("/what/identifier/value").asText()).isEqualTo("sweep-7/3");
    }

    @Test
    void aDNumberIsIdentifiedInItsOwnRegister() {
        JsonNode event = render(TestEntries.lookup(TestEntries.D_NUMBER_PATIENT, Outcome.ALLOWED, "HPAKUTT"), 1);

        assertThat(event.at("/entity/0/what/identifier/system").asText()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.2");
        assertThat(event.at("/agent/0/purposeOfUse/0/coding/1/code").asText()).isEqualTo("ETREAT");
    }

    @Test
    void aRefusedCaseWorkerIsAMinorFailureWithTheReason() {
        JsonNode event = render(TestEntries.caseWorkerRefused(), 1);

        assertThat(event.path("outcome").asText()).isEqualTo("4");
        assertThat(event.path("outcomeDesc").asText())
                .isEqualTo("REFUSED POLICY_DENIED: case workers see no clinical sections");
        JsonNode user = event.at("/agent/0");
        assertThat(user.at("/who/identifier/system").asText()).isEqualTo("https://helseid-sts.nhn.no");
        assertThat(user.at("/who/identifier/value").asText()).isEqualTo("hid-sb-5601-0001");
        assertThat(user.at("/role/0/coding").isMissingNode()).isTrue();
        assertThat(user.at("/role/0/text").asText()).isEqualTo("SAKSBEHANDLER");
        assertThat(event.at("/entity/1/detail/0/valueString").asText()).isEmpty();
    }

    @Test
    void aFailedLookupIsASeriousFailure() {
        assertThat(render(TestEntries.lookup(TestEntries.PATIENT, Outcome.FAILED, "HPUNNTAK"), 1)
                .path("outcome").asText()).isEqualTo("8");
    }

    @Test
    void anAdministrativeEventHasNoPatientEntity() {
        JsonNode event = render(TestEntries.administration(), 3);

        assertThat(event.at("/meta/profile/0").asText()).endsWith("IHE.BasicAudit.Update");
        assertThat(event.path("action").asText()).isEqualTo("U");
        assertThat(event.at("/subtype/0/code").asText()).isEqualTo("update");
        assertThat(event.path("entity")).isEmpty();
        assertThat(event.at("/agent/0/who/display").asText()).isEqualTo("karaf");
        assertThat(event.at("/agent/0/purposeOfUse").isMissingNode()).isTrue();
    }

    private JsonNode render(AuditEntry entry, long seq) {
        return renderer.render(AuditRecord.chained(entry, seq, HashChain.GENESIS));
    }
}
