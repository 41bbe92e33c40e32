package no.kjernebro.audit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Code systems and profiles the BALP rendering uses, and the one way a coding is written. The
 * {@code urn:kjernebro:*} systems name Kjernebro's own codes where no published code system exists
 * (kjernejournal's samtykke codes, Kjernebro's error codes); receivers treat them as local codes.
 */
final class BalpCodes {

    static final String PROFILE_PATIENT_QUERY =
            "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientQuery";
    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String ROLE_CLASS = "http://terminology.hl7.org/CodeSystem/v3-RoleClass";
    static final String SECURITY_ROLE_TYPE = "http://terminology.hl7.org/CodeSystem/extra-security-role-type";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    static final String RESOURCE_TYPES = "http://hl7.org/fhir/resource-types";
    static final String BALP_ENTITY_TYPE = "https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType";

    static final String HPR = "urn:oid:2.16.578.1.12.4.1.4.4";
    static final String ORGNR = "urn:oid:2.16.578.1.12.4.1.4.101";
    /** HelseID subjects are only unique within the issuer. */
    static final String HELSEID_SUBJECT = "https://helseid-sts.nhn.no";

    static final String SAMTYKKE = "urn:kjernebro:kjernejournal:samtykke";
    static final String ERROR_CODE = "urn:kjernebro:error-code";
    static final String EVENT_CODE = "urn:kjernebro:audit-event";
    static final String AUDIT_REFERENCE = "urn:kjernebro:audit-reference";
    static final String ADAPTER = "urn:kjernebro:adapter";
    static final String KARAF_USER = "urn:kjernebro:karaf-user";
    static final String SYSTEM_USER = "urn:kjernebro:system";

    /** {@code network.type} 1: machine name. */
    static final String NETWORK_MACHINE_NAME = "1";

    private BalpCodes() {
    }

    /** Writes system, code and (when given) display into {@code node}; returns it. */
    static ObjectNode coding(ObjectNode node, String system, String code, String display) {
        node.put("system", system);
        node.put("code", code);
        if (display != null) {
            node.put("display", display);
        }
        return node;
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
