package no.kjernebro.audit.internal;

import static no.kjernebro.audit.internal.BalpCodes.coding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;
import no.kjernebro.api.audit.AuditEntry;

/** Event type, subtype, action and subject entity for each kind of record. */
enum BalpEventKind {
    /** a health worker's or case worker's kjernejournal lookup: a RESTful query with a patient subject. */
    LOOKUP,
    /** a sweep's Legemiddelvarsling question about one patient: the same pattern, asked by a system. */
    SYSTEM_QUERY,
    /** an operator changed tenants, adapters or policy: DICOM Security Alert / Security Configuration. */
    ADMINISTRATION,
    /** an auditor used the log (search, export, report, verify, review) or expired records were purged. */
    AUDIT_LOG_USED;

    static BalpEventKind of(AuditEntry e) {
        return switch (e.type()) {
            case PATIENT_LOOKUP -> LOOKUP;
            case SYSTEM_QUERY -> SYSTEM_QUERY;
            case ADMINISTRATION -> ADMINISTRATION;
            case AUDIT_ACCESS, AUDIT_REVIEW, AUDIT_PURGE -> AUDIT_LOG_USED;
        };
    }

    boolean isPatientQuery() {
        return this == LOOKUP || this == SYSTEM_QUERY;
    }

    void writeType(ObjectNode event, AuditEntry e) {
        ArrayNode subtype = event.putArray("subtype");
        switch (this) {
            case LOOKUP, SYSTEM_QUERY -> {
                coding(event.putObject("type"), BalpCodes.AUDIT_EVENT_TYPE, "rest", "Restful Operation");
                coding(subtype.addObject(), BalpCodes.RESTFUL_INTERACTION, "search-type", "search type");
            }
            case ADMINISTRATION -> {
                coding(event.putObject("type"), BalpCodes.DCM, "110113", "Security Alert");
                coding(subtype.addObject(), BalpCodes.DCM, "110129", "Security Configuration");
            }
            case AUDIT_LOG_USED -> coding(event.putObject("type"), BalpCodes.DCM, "110101", "Audit Log Used");
        }
        if (!isPatientQuery() && e.reasonCode() != null && !e.reasonCode().isBlank()) {
            // what exactly was done (ADAPTER_ENABLED, search, export-csv, ...), in Kjernebro's words
            coding(subtype.addObject(), BalpCodes.EVENT_CODE, e.reasonCode(), null);
        }
        if (subtype.isEmpty()) {
            coding(subtype.addObject(), BalpCodes.EVENT_CODE, e.type().name(), null);
        }
    }

    /** C, R, U, D or E (FHIR audit-event-action). */
    String action(AuditEntry e) {
        return switch (this) {
            case LOOKUP, SYSTEM_QUERY -> "E";
            case ADMINISTRATION -> "U";
            case AUDIT_LOG_USED -> switch (e.type()) {
                case AUDIT_PURGE -> "D";
                case AUDIT_REVIEW -> "U";
                default -> isSearch(e) ? "E" : "R";
            };
        };
    }

    /** The entity the event is about besides the patient: the query, or the object changed or used. */
    void writeSubject(ArrayNode entities, AuditEntry e) {
        switch (this) {
            case LOOKUP -> BalpEntities.query(entities.addObject(), lookupQuery(e), lookupDescription(e));
            case SYSTEM_QUERY -> BalpEntities.query(entities.addObject(),
                    form("service", "legemiddelvarsling", "adapter", e.adapterId()),
                    "Legemiddelvarsling" + (e.reason() == null ? "" : ": " + e.reason()));
            case ADMINISTRATION -> BalpEntities.object(entities.addObject(), "13", "Security Resource",
                    e.reasonCode() == null ? "Kjernebro configuration" : e.reasonCode(), e.reason());
            case AUDIT_LOG_USED -> BalpEntities.object(entities.addObject(), "13", "Security Resource",
                    e.kommunenummer() == null ? "Kjernebro audit log" : "Kjernebro audit log, chain " + e.chain(),
                    e.reason());
        }
    }

    private static boolean isSearch(AuditEntry e) {
        return e.reasonCode() != null && e.reasonCode().toLowerCase(Locale.ROOT).startsWith("search");
    }

    private static String lookupQuery(AuditEntry e) {
        return form("service", "kjernejournal", "serviceContext", e.serviceContext(), "accessBasis", e.accessBasis(),
                "adapter", e.adapterId(), "unit", e.unit(), "purpose", e.purpose());
    }

    private static String lookupDescription(AuditEntry e) {
        StringJoiner parts = new StringJoiner(", ");
        if (e.serviceContext() != null) {
            parts.add("service context " + e.serviceContext());
        }
        if (e.accessBasis() != null) {
            parts.add("access basis " + e.accessBasis());
        }
        if (e.purpose() != null && !e.purpose().isBlank()) {
            parts.add("purpose: " + e.purpose());
        }
        return parts.length() == 0 ? "kjernejournal lookup" : "kjernejournal lookup: " + parts;
    }

    /** {@code key=value&...} of the pairs whose value is present. */
    private static String form(String... pairs) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                form.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
        }
        return form.toString();
    }
}
