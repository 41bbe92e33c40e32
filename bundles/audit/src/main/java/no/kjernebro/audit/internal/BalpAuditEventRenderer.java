package no.kjernebro.audit.internal;

import static no.kjernebro.audit.internal.BalpCodes.coding;
import static no.kjernebro.audit.internal.BalpCodes.putIfPresent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.StoredAuditRecord;
import no.kjernebro.api.lookup.Outcome;

/**
 * Renders a stored record as a FHIR R4 {@code AuditEvent} (JSON tree) after IHE Basic Audit Log
 * Patterns. A patient lookup and a sweep's Legemiddelvarsling query are RESTful queries with a patient
 * subject ({@code IHE.BasicAudit.PatientQuery}; the profile is claimed for successful ones only, as
 * the profile fixes the outcome to success); records without a patient use DICOM event types
 * (Security Alert / Security Configuration for administration, Audit Log Used for auditors).
 * docs/audit-events.md describes every element.
 */
public final class BalpAuditEventRenderer {

    private final ObjectMapper mapper;
    private final String serverName;
    private final BalpAgents agents;

    public BalpAuditEventRenderer(ObjectMapper mapper, String serverName) {
        this.mapper = mapper;
        this.serverName = serverName == null || serverName.isBlank() ? "kjernebro" : serverName;
        this.agents = new BalpAgents(this.serverName);
    }

    public ObjectNode render(StoredAuditRecord record) {
        AuditEntry e = record.entry();
        BalpEventKind kind = BalpEventKind.of(e);
        Optional<String> purpose = BalpPurposeOfUse.of(e);
        ObjectNode event = mapper.createObjectNode();
        event.put("resourceType", "AuditEvent");
        event.put("id", BalpEventId.of(record));
        meta(event, e, kind);
        if (BalpOutcome.needsOperationOutcome(e)) {
            BalpOutcome.operationOutcome(event.putArray("contained").addObject(), e);
        }
        kind.writeType(event, e);
        event.put("action", kind.action(e));
        event.put("recorded", DateTimeFormatter.ISO_INSTANT.format(e.time()));
        event.put("outcome", BalpOutcome.code(e));
        event.put("outcomeDesc", BalpOutcome.description(e));
        if (purpose.isPresent()) {
            BalpAgents.purposeOfUse(event.putArray("purposeOfEvent").addObject(), e, purpose);
        }
        agents(event.putArray("agent"), e, purpose);
        source(event.putObject("source"), e);
        entities(event.putArray("entity"), record, kind);
        return event;
    }

    private void meta(ObjectNode event, AuditEntry e, BalpEventKind kind) {
        ObjectNode meta = event.putObject("meta");
        if (kind.isPatientQuery() && e.patientId() != null && e.outcome() == Outcome.ALLOWED) {
            meta.putArray("profile").add(BalpCodes.PROFILE_PATIENT_QUERY);
        }
        if (e.patientId() != null && BalpEntities.isSynthetic(e.patientId())) {
            // synthetic identity numbers are test data; receivers keep them apart from real accesses
            coding(meta.putArray("security").addObject(), BalpCodes.ACT_REASON, "HTEST", "test health data");
        }
        if (meta.isEmpty()) {
            event.remove("meta");
        }
    }

    private void agents(ArrayNode agents, AuditEntry e, Optional<String> purpose) {
        this.agents.requestor(agents.addObject(), e, purpose);
        if (e.sourceSystem() != null || e.adapterId() != null) {
            BalpAgents.client(agents.addObject(), e);
        }
        this.agents.server(agents.addObject());
        if (BalpAgents.hasTenant(e)) {
            BalpAgents.tenant(agents.addObject(), e);
        }
    }

    private void source(ObjectNode source, AuditEntry e) {
        putIfPresent(source, "site", e.kommunenummer());
        source.putObject("observer").put("display", serverName);
        coding(source.putArray("type").addObject(), BalpCodes.SOURCE_TYPE, "4", "Application Server");
    }

    private static void entities(ArrayNode entities, StoredAuditRecord record, BalpEventKind kind) {
        AuditEntry e = record.entry();
        if (e.patientId() != null && !e.patientId().isBlank()) {
            BalpEntities.patient(entities.addObject(), e);
        }
        kind.writeSubject(entities, e);
        if (!e.sections().isEmpty()) {
            BalpEntities.sections(entities.addObject(), e);
        }
        if (e.correlationId() != null && !e.correlationId().isBlank()) {
            BalpEntities.transaction(entities.addObject(), e.correlationId());
        }
        if (BalpOutcome.needsOperationOutcome(e)) {
            BalpEntities.outcome(entities.addObject(), BalpOutcome.CONTAINED_ID, e.reason());
        }
        BalpEntities.record(entities.addObject(), record);
    }
}
