package no.kjernebro.auditreview.internal.rules;

import java.time.Instant;
import java.util.List;

/**
 * One review finding.
 *
 * @param id store id
 * @param kommunenummer the tenant (chain) it concerns
 * @param rule rule id: HPAKUTT, REFUSED_ATTEMPTS, HIGH_VOLUME, OUTSIDE_WORKING_HOURS,
 *        OUTSIDE_CARE_RELATIONSHIP, SAME_SURNAME
 * @param actorId the health worker concerned
 * @param patientId the patient concerned, when the finding is about one patient (null otherwise)
 * @param references the audit records it is based on (KJB-... references)
 * @param detectedAt when the rule produced it
 * @param description a Norwegian sentence for the auditor
 * @param status open or reviewed
 * @param reviewedBy the auditor who reviewed it
 * @param reviewedAt when
 * @param comment the auditor's comment
 */
public record Finding(long id, String kommunenummer, String rule, String actorId, String patientId,
                      List<String> references, Instant detectedAt, String description, Status status,
                      String reviewedBy, Instant reviewedAt, String comment) {

    public enum Status { OPEN, REVIEWED }

    public Finding {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
