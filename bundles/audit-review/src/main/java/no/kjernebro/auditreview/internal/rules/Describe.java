package no.kjernebro.auditreview.internal.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.StoredAuditRecord;
import no.kjernebro.api.identity.NationalIdentityNumber;

/** Wording and grouping the rules share. Descriptions are Norwegian and never hold an unmasked identity number. */
final class Describe {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final String UNKNOWN_ACTOR = "ukjent";

    private Describe() {
    }

    static String actor(AuditEntry e) {
        String id = e.actorId() == null || e.actorId().isBlank() ? UNKNOWN_ACTOR : e.actorId();
        String kind = "HPR".equals(e.actorType()) ? "HPR " : "";
        return e.actorName() == null || e.actorName().isBlank() ? kind + id : e.actorName() + " (" + kind + id + ")";
    }

    static String actorKey(AuditEntry e) {
        return e.actorId() == null || e.actorId().isBlank() ? UNKNOWN_ACTOR : e.actorId();
    }

    static String patient(String patientId) {
        return patientId == null ? "ukjent pasient" : "pasient " + NationalIdentityNumber.mask(patientId);
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    static String time(StoredAuditRecord r, ZoneId zone) {
        return TIME.format(r.entry().time().atZone(zone));
    }

    static String key(String... parts) {
        return String.join("|", parts);
    }

    /** Groups records by a key, keeping first-seen order so findings come out oldest first. */
    static Map<String, List<StoredAuditRecord>> groupBy(List<StoredAuditRecord> records,
                                                          Function<StoredAuditRecord, String> key) {
        Map<String, List<StoredAuditRecord>> groups = new LinkedHashMap<>();
        for (StoredAuditRecord r : records) {
            groups.computeIfAbsent(key.apply(r), k -> new java.util.ArrayList<>()).add(r);
        }
        return groups;
    }
}
