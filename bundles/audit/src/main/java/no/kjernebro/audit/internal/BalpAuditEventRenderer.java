package no.kjernebro.audit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Profession;

/**
 * Renders a record as a FHIR R4 {@code AuditEvent} shaped after IHE Basic Audit Log Patterns:
 * a patient lookup follows {@code IHE.BasicAudit.PatientRead} (user, client and server agents,
 * the patient entity and an entity for what was asked for); a system-level query (Legemiddelvarsling
 * in a sweep) follows {@code IHE.BasicAudit.PatientQuery} with the initiating system as requesting
 * agent; an administrative change follows {@code IHE.BasicAudit.Update} without a patient entity.
 * The event id is the record reference, so a receiver can drop a re-sent event.
 */
public final class BalpAuditEventRenderer {

    static final String PROFILE_BASE = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/";
    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    static final String BALP_ENTITY_TYPE = "https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType";
    /** Kjernejournal's access basis (samtykke) codes have no published FHIR code system; ours names them. */
    static final String SAMTYKKE = "urn:kjernebro:kjernejournal:samtykke";
    /** HelseID subjects are only unique within the issuer. */
    static final String HELSEID_SUBJECT = "https://helseid-sts.nhn.no";
    static final String HPR = "urn:oid:2.16.578.1.12.4.1.4.4";
    static final String ORGNR = "urn:oid:2.16.578.1.12.4.1.4.101";
    static final String SYSTEM_ACTOR = "SYSTEM";

    private final ObjectMapper mapper;
    private final String serverName;

    public BalpAuditEventRenderer(ObjectMapper mapper, String serverName) {
        this.mapper = mapper;
        this.serverName = serverName;
    }

    public ObjectNode render(AuditRecord r) {
        Pattern pattern = Pattern.of(r.eventType());
        ObjectNode event = mapper.createObjectNode();
        event.put("resourceType", "AuditEvent");
        event.put("id", r.reference());
        event.putObject("meta").putArray("profile").add(PROFILE_BASE + pattern.profile);
        coding(event.putObject("type"), AUDIT_EVENT_TYPE, "rest", "Restful Operation");
        coding(event.putArray("subtype").addObject(), RESTFUL_INTERACTION, pattern.interaction, null);
        event.put("action", pattern.action);
        event.put("recorded", HashChain.instant(r.recordedAt()));
        event.put("outcome", outcomeCode(r.outcome()));
        event.put("outcomeDesc", outcomeDesc(r));
        ArrayNode agents = event.putArray("agent");
        user(agents.addObject(), r);
        client(agents.addObject(), r);
        server(agents.addObject());
        source(event.putObject("source"), r);
        ArrayNode entities = event.putArray("entity");
        if (r.patientId() != null) {
            patient(entities.addObject(), r.patientId());
        }
        if (pattern == Pattern.PATIENT_READ) {
            query(entities.addObject(), r);
        } else if (pattern == Pattern.PATIENT_QUERY) {
            systemQuery(entities.addObject(), r);
        }
        if (r.correlationId() != null) {
            ObjectNode requestId = entities.addObject();
            requestId.putObject("what").putObject("identifier").put("value", r.correlationId());
            coding(requestId.putObject("type"), BALP_ENTITY_TYPE, "XrequestId", "X-Request-Id");
        }
        return event;
    }

    /** The BALP pattern an event type is rendered as. */
    private enum Pattern {
        /** a health worker's lookup: a read of the patient's record. */
        PATIENT_READ("IHE.BasicAudit.PatientRead", "read", "R"),
        /** a system-level query about a patient (Legemiddelvarsling): a search, executed by a system. */
        PATIENT_QUERY("IHE.BasicAudit.PatientQuery", "search", "E"),
        /** an administrative change. */
        UPDATE("IHE.BasicAudit.Update", "update", "U");

        final String profile;
        final String interaction;
        final String action;

        Pattern(String profile, String interaction, String action) {
            this.profile = profile;
            this.interaction = interaction;
            this.action = action;
        }

        static Pattern of(String eventType) {
            if (AuditEntry.EventType.PATIENT_LOOKUP.name().equals(eventType)) {
                return PATIENT_READ;
            }
            return AuditEntry.EventType.SYSTEM_QUERY.name().equals(eventType) ? PATIENT_QUERY : UPDATE;
        }
    }

    /** FHIR R4 AuditEvent outcome: 0 success, 4 minor failure (refused), 8 serious failure. */
    static String outcomeCode(String outcome) {
        return switch (Outcome.valueOf(outcome)) {
            case ALLOWED -> "0";
            case REFUSED -> "4";
            case FAILED -> "8";
        };
    }

    private static String outcomeDesc(AuditRecord r) {
        String text = r.reasonCode() == null ? r.outcome() : r.outcome() + " " + r.reasonCode();
        return r.reason() == null ? text : text + ": " + r.reason();
    }

    private void user(ObjectNode agent, AuditRecord r) {
        if (SYSTEM_ACTOR.equals(r.actorType())) {
            // a sweep or other system-level query: the requesting agent is the system that started it
            coding(agent.putObject("type").putArray("coding").addObject(), DCM, "110150", "Application");
        } else {
            coding(agent.putObject("type").putArray("coding").addObject(), PARTICIPATION_TYPE, "IRCP",
                    "information recipient");
        }
        ObjectNode who = agent.putObject("who");
        if (r.actorId() != null) {
            ObjectNode id = who.putObject("identifier");
            if ("HPR".equals(r.actorType())) {
                id.put("system", HPR);
            } else if ("HELSEID".equals(r.actorType())) {
                id.put("system", HELSEID_SUBJECT);
            }
            id.put("value", r.actorId());
        }
        putIfPresent(who, "display", r.actorName());
        agent.put("requestor", true);
        if (r.professionOrRole() != null) {
            ObjectNode role = agent.putArray("role").addObject();
            if (Profession.fromCode(r.professionOrRole()).isPresent()) {
                coding(role.putArray("coding").addObject(), Profession.CODE_SYSTEM, r.professionOrRole(), null);
            }
            role.put("text", r.professionOrRole());
        }
        if (r.accessBasis() != null) {
            ArrayNode codings = agent.putArray("purposeOfUse").addObject().putArray("coding");
            coding(codings.addObject(), SAMTYKKE, r.accessBasis(), null);
            String actReason = "HPAKUTT".equals(r.accessBasis()) ? "ETREAT" : "TREAT";
            coding(codings.addObject(), ACT_REASON, actReason, null);
        }
    }

    private static void client(ObjectNode agent, AuditRecord r) {
        coding(agent.putObject("type").putArray("coding").addObject(), DCM, "110153", "Source Role ID");
        ObjectNode who = agent.putObject("who");
        putIfPresent(who, "display", r.sourceSystem());
        putIfPresent(agent, "altId", r.adapterId());
        agent.put("requestor", false);
    }

    private void server(ObjectNode agent) {
        coding(agent.putObject("type").putArray("coding").addObject(), DCM, "110152", "Destination Role ID");
        agent.putObject("who").put("display", serverName);
        agent.put("requestor", false);
    }

    private void source(ObjectNode source, AuditRecord r) {
        putIfPresent(source, "site", r.kommunenummer());
        ObjectNode observer = source.putObject("observer");
        if (r.orgnr() != null) {
            observer.putObject("identifier").put("system", ORGNR).put("value", r.orgnr());
        }
        observer.put("display", serverName);
        coding(source.putArray("type").addObject(), SOURCE_TYPE, "4", "Application Server");
    }

    private static void patient(ObjectNode entity, String patientId) {
        String system = NationalIdentityNumber.parse(patientId)
                .map(n -> n.kind().oid())
                .orElse(NationalIdentityNumber.Kind.FNR.oid());
        entity.putObject("what").putObject("identifier").put("system", system).put("value", patientId);
        coding(entity.putObject("type"), ENTITY_TYPE, "1", "Person");
        coding(entity.putObject("role"), OBJECT_ROLE, "1", "Patient");
    }

    private static void query(ObjectNode entity, AuditRecord r) {
        entity.putObject("what").put("display", "kjernejournal");
        coding(entity.putObject("type"), ENTITY_TYPE, "2", "System Object");
        coding(entity.putObject("role"), OBJECT_ROLE, "24", "Query");
        entity.put("description", r.sections().isEmpty() ? "no sections returned" : "sections " + r.sections());
        ArrayNode detail = entity.putArray("detail");
        detail.addObject().put("type", "sections").put("valueString", r.sections());
        if (r.serviceContext() != null) {
            detail.addObject().put("type", "serviceContext").put("valueString", r.serviceContext());
        }
    }

    private static void systemQuery(ObjectNode entity, AuditRecord r) {
        entity.putObject("what").put("display", "kjernejournal Legemiddelvarsling");
        coding(entity.putObject("type"), ENTITY_TYPE, "2", "System Object");
        coding(entity.putObject("role"), OBJECT_ROLE, "24", "Query");
        entity.put("description", r.reasonCode() == null ? "system query" : "system query " + r.reasonCode());
        if (r.reasonCode() != null) {
            entity.putArray("detail").addObject().put("type", "reasonCode").put("valueString", r.reasonCode());
        }
    }

    private static void coding(ObjectNode node, String system, String code, String display) {
        node.put("system", system);
        node.put("code", code);
        putIfPresent(node, "display", display);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
