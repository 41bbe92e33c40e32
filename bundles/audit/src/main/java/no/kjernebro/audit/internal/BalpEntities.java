package no.kjernebro.audit.internal;

import static no.kjernebro.audit.internal.BalpCodes.coding;
import static no.kjernebro.audit.internal.BalpCodes.putIfPresent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Collectors;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.StoredAuditRecord;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.Section;

/** The entities of an event: the patient, what was asked and returned, the request id and the record itself. */
final class BalpEntities {

    private BalpEntities() {
    }

    /**
     * The patient (BALP {@code patient} slice): the identity number with the OID of its register. A
     * number that does not validate (a refused request) is kept as sent, without a system.
     */
    static void patient(ObjectNode entity, AuditEntry e) {
        ObjectNode what = entity.putObject("what");
        ObjectNode identifier = what.putObject("identifier");
        Optional<NationalIdentityNumber> number = NationalIdentityNumber.parse(e.patientId());
        number.ifPresent(n -> identifier.put("system", n.kind().oid()));
        identifier.put("value", e.patientId());
        putIfPresent(what, "display", e.patientName());
        coding(entity.putObject("type"), BalpCodes.ENTITY_TYPE, "1", "Person");
        coding(entity.putObject("role"), BalpCodes.OBJECT_ROLE, "1", "Patient");
    }

    /** True for synthetic (test) identity numbers: month + 80. */
    static boolean isSynthetic(String patientId) {
        return NationalIdentityNumber.parse(patientId).map(NationalIdentityNumber::synthetic).orElse(false);
    }

    /**
     * The query (BALP {@code query} slice). Kjernebro does not keep the EPJ's raw request (a vendor
     * format with the identity number in it), so {@code query} holds the request as Kjernebro
     * understood it, form-encoded and without the patient, who is the patient entity.
     */
    static void query(ObjectNode entity, String query, String description) {
        coding(entity.putObject("type"), BalpCodes.ENTITY_TYPE, "2", "System Object");
        coding(entity.putObject("role"), BalpCodes.OBJECT_ROLE, "24", "Query");
        entity.put("description", description);
        entity.put("query", Base64.getEncoder().encodeToString(query.getBytes(StandardCharsets.UTF_8)));
    }

    /** What the health worker got to see: the kjernejournal sections returned. */
    static void sections(ObjectNode entity, AuditEntry e) {
        String list = e.sections().stream().sorted().map(Section::name).collect(Collectors.joining(","));
        entity.putObject("what").put("display", "kjernejournal: " + list.replace(",", ", "));
        coding(entity.putObject("type"), BalpCodes.ENTITY_TYPE, "4", "Other");
        coding(entity.putObject("role"), BalpCodes.OBJECT_ROLE, "3", "Report");
        entity.put("description", "sections returned");
        entity.putArray("detail").addObject().put("type", "sections").put("valueString", list);
    }

    /** The caller's correlation id (BALP {@code transaction} slice). */
    static void transaction(ObjectNode entity, String correlationId) {
        entity.putObject("what").putObject("identifier").put("value", correlationId);
        coding(entity.putObject("type"), BalpCodes.BALP_ENTITY_TYPE, "XrequestId", "X-Request-Id");
    }

    /** Something the event acted on that is not a patient: the audit log, a finding, a tenant or adapter. */
    static void object(ObjectNode entity, String role, String roleDisplay, String display, String description) {
        entity.putObject("what").put("display", display);
        coding(entity.putObject("type"), BalpCodes.ENTITY_TYPE, "2", "System Object");
        coding(entity.putObject("role"), BalpCodes.OBJECT_ROLE, role, roleDisplay);
        putIfPresent(entity, "description", description);
    }

    /** The refusal or failure, pointing at the contained OperationOutcome. */
    static void outcome(ObjectNode entity, String containedId, String reason) {
        entity.putObject("what").put("reference", "#" + containedId);
        coding(entity.putObject("type"), BalpCodes.RESOURCE_TYPES, "OperationOutcome", "OperationOutcome");
        putIfPresent(entity, "description", reason);
    }

    /**
     * The stored record this event renders: its reference, and chain position and hash so a receiver
     * can match the event to the tamper-evident chain.
     */
    static void record(ObjectNode entity, StoredAuditRecord r) {
        ObjectNode what = entity.putObject("what");
        what.putObject("identifier").put("system", BalpCodes.AUDIT_REFERENCE).put("value", r.reference());
        what.put("display", "Kjernebro audit record " + r.reference());
        coding(entity.putObject("type"), BalpCodes.ENTITY_TYPE, "4", "Other");
        ArrayNode detail = entity.putArray("detail");
        putDetail(detail, "chain", r.chain());
        putDetail(detail, "chainSeq", r.chainSeq() > 0 ? Long.toString(r.chainSeq()) : null);
        putDetail(detail, "hash", r.hash());
        if (detail.isEmpty()) {
            entity.remove("detail");
        }
    }

    private static void putDetail(ArrayNode detail, String type, String value) {
        if (value != null && !value.isBlank()) {
            detail.addObject().put("type", type).put("valueString", value);
        }
    }
}
