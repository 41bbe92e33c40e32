package no.kjernebro.audit.internal;

import static no.kjernebro.audit.internal.FhirR4Validation.assertValid;
import static no.kjernebro.audit.internal.FhirR4Validation.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.StoredAuditRecord;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** Every kind of record renders as an AuditEvent that HAPI's R4 validator accepts, with the BALP codings. */
class BalpAuditEventRendererTest {

    private final FhirAuditEventFormat format = new FhirAuditEventFormat("kjernebro-test.alta.kommune.no");

    @Test
    void anAllowedLookupIsABalpPatientQuery() {
        AuditEvent event = renderValid(BalpTestRecords.allowed());

        assertThat(event.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientQuery");
        assertThat(codes(event.getType())).containsExactly("http://terminology.hl7.org/CodeSystem/audit-event-type|rest");
        assertThat(event.getSubtype()).extracting(c -> c.getSystem() + "|" + c.getCode())
                .containsExactly("http://hl7.org/fhir/restful-interaction|search-type");
        assertThat(event.getAction().toCode()).isEqualTo("E");
        assertThat(event.getOutcome().toCode()).isEqualTo("0");
        assertThat(event.getRecordedElement().getValueAsString()).startsWith("2025-03-02T10:15:30.123");
        assertThat(event.getSource().getSite()).isEqualTo("5601");
        assertThat(codes(event.getSource().getType().get(0))).containsExactly(
                "http://terminology.hl7.org/CodeSystem/security-source-type|4");
        assertThat(event.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("HTEST");
    }

    @Test
    void theHealthWorkerIsTheRequestingAgentWithHprNumberProfessionUnitAndPurpose() {
        AuditEventAgentComponent user = agent(renderValid(BalpTestRecords.allowed()), "IRCP");

        assertThat(user.getRequestor()).isTrue();
        assertThat(user.getWho().getIdentifier().getSystem()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.4");
        assertThat(user.getWho().getIdentifier().getValue()).isEqualTo("9100002");
        assertThat(user.getWho().getDisplay()).isEqualTo("Siv Testsykepleier");
        assertThat(user.getName()).isEqualTo("Siv Testsykepleier");
        assertThat(codes(user.getRole().get(0))).containsExactly("urn:oid:2.16.578.1.12.4.1.1.9060|SP");
        assertThat(user.getLocation().getDisplay()).isEqualTo("Avdeling 2, Alta sykehjem");
        assertThat(codes(user.getPurposeOfUse().get(0))).containsExactly(
                "http://terminology.hl7.org/CodeSystem/v3-ActReason|TREAT",
                "urn:kjernebro:kjernejournal:samtykke|HPMOTTATTSAMTYKKE");
    }

    @Test
    void theEpjKjernebroAndTheMunicipalityAreAgents() {
        AuditEvent event = renderValid(BalpTestRecords.allowed());

        AuditEventAgentComponent client = agent(event, "110153");
        assertThat(client.getWho().getDisplay()).isEqualTo("TestEPJ 4.2");
        assertThat(client.getWho().getIdentifier().getValue()).isEqualTo("sykehjem-xml");
        assertThat(client.getRequestor()).isFalse();
        AuditEventAgentComponent server = agent(event, "110152");
        assertThat(server.getWho().getDisplay()).isEqualTo("kjernebro-test.alta.kommune.no");
        assertThat(server.getNetwork().getAddress()).isEqualTo("kjernebro-test.alta.kommune.no");
        AuditEventAgentComponent tenant = agent(event, "PROV");
        assertThat(tenant.getWho().getIdentifier().getSystem()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.101");
        assertThat(tenant.getWho().getIdentifier().getValue()).isEqualTo("990560102");
        assertThat(tenant.getWho().getDisplay()).contains("5601");
    }

    @Test
    void thePatientTheQueryTheSectionsTheRequestIdAndTheRecordAreEntities() {
        AuditEvent event = renderValid(BalpTestRecords.allowed());

        AuditEventEntityComponent patient = entity(event, "http://terminology.hl7.org/CodeSystem/audit-entity-type|1");
        assertThat(codes(patient.getRole())).containsExactly("http://terminology.hl7.org/CodeSystem/object-role|1");
        assertThat(patient.getWhat().getIdentifier().getSystem()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.1");
        assertThat(patient.getWhat().getIdentifier().getValue()).isEqualTo(BalpTestRecords.PATIENT);
        assertThat(patient.getWhat().getDisplay()).isEqualTo("Kari Testpasient");
        AuditEventEntityComponent query = entity(event, "http://terminology.hl7.org/CodeSystem/audit-entity-type|2");
        assertThat(codes(query.getRole())).containsExactly("http://terminology.hl7.org/CodeSystem/object-role|24");
        assertThat(new String(query.getQuery(), StandardCharsets.UTF_8)).isEqualTo(
                "service=kjernejournal&serviceContext=SYKEHJEM_LANGTID&accessBasis=HPMOTTATTSAMTYKKE"
                        + "&adapter=sykehjem-xml&unit=Avdeling+2%2C+Alta+sykehjem")
                .doesNotContain(BalpTestRecords.PATIENT);
        assertThat(query.getDescription()).contains("SYKEHJEM_LANGTID", "HPMOTTATTSAMTYKKE");
        AuditEventEntityComponent sections = entity(event, "http://terminology.hl7.org/CodeSystem/object-role|3");
        assertThat(sections.getDetail().get(0).getValueStringType().getValue())
                .isEqualTo("PERSONALIA,LEGEMIDLER,KRITISK_INFORMASJON");
        AuditEventEntityComponent request = entity(event,
                "https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType|XrequestId");
        assertThat(request.getWhat().getIdentifier().getValue()).isEqualTo("corr-1");
        AuditEventEntityComponent record = event.getEntity().stream()
                .filter(e -> "urn:kjernebro:audit-reference".equals(e.getWhat().getIdentifier().getSystem()))
                .findFirst().orElseThrow();
        assertThat(record.getWhat().getIdentifier().getValue()).isEqualTo("KJB-000000000007");
        assertThat(record.getDetail()).extracting(d -> d.getType()).containsExactly("chain", "chainSeq", "hash");
    }

    @Test
    void theIdIsStablePerRecordAndDiffersBetweenRecords() {
        StoredAuditRecord record = BalpTestRecords.stored(BalpTestRecords.allowed(), 7);
        StoredAuditRecord other = BalpTestRecords.stored(BalpTestRecords.allowed(), 8);

        String id = parse(AuditEvent.class, format.auditEvent(record)).getIdElement().getIdPart();

        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(parse(AuditEvent.class, format.auditEvent(record)).getIdElement().getIdPart()).isEqualTo(id);
        assertThat(parse(AuditEvent.class, format.auditEvent(other)).getIdElement().getIdPart()).isNotEqualTo(id);
    }

    @Test
    void aRefusalIsAMinorFailureWithItsReasonAndNoProfileClaim() {
        AuditEvent event = renderValid(BalpTestRecords.refused());

        assertThat(event.getOutcome().toCode()).isEqualTo("4");
        assertThat(event.getOutcomeDesc()).isEqualTo("REFUSED PROFESSION_NOT_ALLOWED: the access policy does not let"
                + " SP look up kjernejournal in TILDELINGSKONTOR");
        assertThat(event.getMeta().getProfile()).isEmpty();
        OperationOutcome outcome = (OperationOutcome) event.getContained().get(0);
        assertThat(outcome.getIssueFirstRep().getCode().toCode()).isEqualTo("forbidden");
        assertThat(codes(outcome.getIssueFirstRep().getDetails()))
                .containsExactly("urn:kjernebro:error-code|PROFESSION_NOT_ALLOWED");
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("TILDELINGSKONTOR");
        AuditEventEntityComponent pointer = entity(event, "http://hl7.org/fhir/resource-types|OperationOutcome");
        assertThat(pointer.getWhat().getReference()).isEqualTo("#outcome");
        assertThat(event.getEntity()).noneMatch(e -> "3".equals(e.getRole().getCode()));
    }

    @Test
    void aFailureIsASeriousFailureAndAnInternalErrorAMajorOne() {
        AuditEvent unavailable = renderValid(BalpTestRecords.failed("KJERNEJOURNAL_UNAVAILABLE"));
        AuditEvent internal = renderValid(BalpTestRecords.failed("INTERNAL_ERROR"));

        assertThat(unavailable.getOutcome().toCode()).isEqualTo("8");
        assertThat(((OperationOutcome) unavailable.getContained().get(0)).getIssueFirstRep().getCode().toCode())
                .isEqualTo("transient");
        assertThat(internal.getOutcome().toCode()).isEqualTo("12");
    }

    @Test
    void emergencyAccessIsEmergencyTreatment() {
        AuditEvent event = renderValid(BalpTestRecords.emergency());

        assertThat(codes(agent(event, "IRCP").getPurposeOfUse().get(0))).containsExactly(
                "http://terminology.hl7.org/CodeSystem/v3-ActReason|ETREAT", "urn:kjernebro:kjernejournal:samtykke|HPAKUTT");
        assertThat(codes(event.getPurposeOfEvent().get(0))).contains("http://terminology.hl7.org/CodeSystem/v3-ActReason|ETREAT");
        assertThat(event.getOutcome().toCode()).isEqualTo("0");
        assertThat(event.getOutcomeDesc()).isEqualTo("ALLOWED HPAKUTT_REVIEW: emergency access");
    }

    @Test
    void aCaseWorkerIsIdentifiedByHelseIdSubjectAndAdministersThePatientsServices() {
        AuditEventAgentComponent user = agent(renderValid(BalpTestRecords.caseWorker()), "IRCP");

        assertThat(user.getWho().getIdentifier().getSystem()).isEqualTo("https://helseid-sts.nhn.no");
        assertThat(user.getWho().getIdentifier().getValue()).isEqualTo("hid-sb-5601-0001");
        assertThat(user.getRole().get(0).getCoding()).isEmpty();
        assertThat(user.getRole().get(0).getText()).isEqualTo("SAKSBEHANDLER");
        assertThat(codes(user.getPurposeOfUse().get(0)))
                .startsWith("http://terminology.hl7.org/CodeSystem/v3-ActReason|PATADMIN");
        assertThat(user.getPurposeOfUse().get(0).getText()).isEqualTo("søknad om sykehjemsplass, sak 2025/117");
    }

    @Test
    void aDNumberIsIdentifiedInItsOwnRegister() {
        AuditEvent event = renderValid(BalpTestRecords.dNumber());

        assertThat(entity(event, "http://terminology.hl7.org/CodeSystem/audit-entity-type|1").getWhat()
                .getIdentifier().getSystem()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.2");
    }

    @Test
    void anInvalidIdentityNumberIsKeptAsSentWithoutClaimingARegister() {
        AuditEvent event = renderValid(BalpTestRecords.invalidPatient());

        AuditEventEntityComponent patient = entity(event, "http://terminology.hl7.org/CodeSystem/audit-entity-type|1");
        assertThat(patient.getWhat().getIdentifier().hasSystem()).isFalse();
        assertThat(patient.getWhat().getIdentifier().getValue()).isEqualTo("1234567890");
        assertThat(event.getMeta().getSecurity()).isEmpty();
    }

    @Test
    void aSweepQueryIsAPatientQueryAskedByASystemForTreatment() {
        AuditEvent event = renderValid(BalpTestRecords.systemQuery());

        assertThat(event.getMeta().getProfile()).hasSize(1);
        AuditEventAgentComponent requestor = agent(event, "110150");
        assertThat(requestor.getRequestor()).isTrue();
        assertThat(requestor.getWho().getIdentifier().getValue()).isEqualTo("sweep-scheduler:5601");
        assertThat(codes(requestor.getPurposeOfUse().get(0)))
                .containsExactly("http://terminology.hl7.org/CodeSystem/v3-ActReason|TREAT");
        assertThat(entity(event, "http://terminology.hl7.org/CodeSystem/audit-entity-type|2").getDescription())
                .startsWith("Legemiddelvarsling");
    }

    @Test
    void anAdministrativeChangeIsASecurityConfigurationEventWithoutPatient() {
        AuditEvent event = renderValid(BalpTestRecords.administration());

        assertThat(codes(event.getType())).containsExactly("http://dicom.nema.org/resources/ontology/DCM|110113");
        assertThat(event.getSubtype()).extracting(c -> c.getSystem() + "|" + c.getCode()).containsExactly(
                "http://dicom.nema.org/resources/ontology/DCM|110129", "urn:kjernebro:audit-event|ADAPTER_ENABLED");
        assertThat(event.getAction().toCode()).isEqualTo("U");
        assertThat(event.getEntity()).noneMatch(e -> "1".equals(e.getRole().getCode()));
        AuditEventAgentComponent operator = agent(event, "humanuser");
        assertThat(operator.getWho().getIdentifier().getValue()).isEqualTo("karaf");
        assertThat(codes(operator.getPurposeOfUse().get(0)))
                .containsExactly("http://terminology.hl7.org/CodeSystem/v3-ActReason|HSYSADMIN");
        assertThat(entity(event, "http://terminology.hl7.org/CodeSystem/object-role|13").getDescription())
                .isEqualTo("enabled adapter sykehjem-xml");
    }

    @Test
    void anAuditorsSearchIsAuditLogUseNamingThePatientSearchedFor() {
        AuditEvent event = renderValid(BalpTestRecords.auditorSearch());

        assertThat(codes(event.getType())).containsExactly("http://dicom.nema.org/resources/ontology/DCM|110101");
        assertThat(event.getAction().toCode()).isEqualTo("E");
        AuditEventAgentComponent auditor = agent(event, "humanuser");
        assertThat(auditor.getWho().getIdentifier().getSystem()).isEqualTo("urn:kjernebro:karaf-user");
        assertThat(codes(auditor.getPurposeOfUse().get(0)))
                .containsExactly("http://terminology.hl7.org/CodeSystem/v3-ActReason|HCOMPL");
        assertThat(entity(event, "http://terminology.hl7.org/CodeSystem/audit-entity-type|1").getWhat()
                .getIdentifier().getValue()).isEqualTo(BalpTestRecords.PATIENT);
        assertThat(event.getMeta().getProfile()).isEmpty();
    }

    @Test
    void aPatientAccessReportAnswersThePatientsRequest() {
        AuditEvent event = renderValid(BalpTestRecords.auditorReport());

        assertThat(event.getAction().toCode()).isEqualTo("R");
        assertThat(codes(agent(event, "humanuser").getPurposeOfUse().get(0)))
                .containsExactly("http://terminology.hl7.org/CodeSystem/v3-ActReason|PATRQT");
    }

    @Test
    void reviewsAndPurgesAreAuditLogUseToo() {
        AuditEvent review = renderValid(BalpTestRecords.auditorReview());
        AuditEvent purge = renderValid(BalpTestRecords.purge());

        assertThat(review.getAction().toCode()).isEqualTo("U");
        assertThat(codes(review.getPurposeOfEvent().get(0))).containsExactly(
                "http://terminology.hl7.org/CodeSystem/v3-ActReason|HCOMPL");
        assertThat(purge.getAction().toCode()).isEqualTo("D");
        assertThat(codes(purge.getPurposeOfEvent().get(0))).containsExactly(
                "http://terminology.hl7.org/CodeSystem/v3-ActReason|RECORDMGT");
        assertThat(entity(purge, "http://terminology.hl7.org/CodeSystem/object-role|13").getDescription())
                .contains("purged 1200 records");
    }

    private AuditEvent renderValid(AuditEntry entry) {
        String json = format.auditEvent(BalpTestRecords.stored(entry, 7));
        assertValid(json);
        return parse(AuditEvent.class, json);
    }

    private static List<String> codes(CodeableConcept concept) {
        return concept.getCoding().stream().map(c -> c.getSystem() + "|" + c.getCode()).toList();
    }

    private static List<String> codes(Coding coding) {
        return List.of(coding.getSystem() + "|" + coding.getCode());
    }

    private static AuditEventAgentComponent agent(AuditEvent event, String typeCode) {
        return event.getAgent().stream()
                .filter(a -> a.getType().getCoding().stream().anyMatch(c -> typeCode.equals(c.getCode())))
                .findFirst().orElseThrow(() -> new AssertionError("no agent of type " + typeCode));
    }

    /** The entity whose type, or else role, is {@code system|code}. */
    private static AuditEventEntityComponent entity(AuditEvent event, String systemAndCode) {
        return event.getEntity().stream()
                .filter(e -> codes(e.getType()).contains(systemAndCode) || codes(e.getRole()).contains(systemAndCode))
                .findFirst().orElseThrow(() -> new AssertionError("no entity " + systemAndCode));
    }
}
