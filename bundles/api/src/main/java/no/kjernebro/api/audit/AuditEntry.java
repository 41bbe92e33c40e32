package no.kjernebro.api.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Section;

/**
 * One audit record as core hands it to the {@link AuditLog}. Codes are kept as strings so that a
 * refused request with an unknown profession or access basis is recorded with exactly what was sent.
 *
 * @param type what kind of event
 * @param time when core decided the outcome
 * @param correlationId the caller's id for the request
 * @param kommunenummer the tenant (may be what an unknown caller claimed)
 * @param orgnr the tenant's organisation number, when known
 * @param adapterId which adapter received the request
 * @param sourceSystem the calling EPJ, name and version
 * @param actorType HPR (health personnel), HELSEID (case worker), SYSTEM or OPERATOR
 * @param actorId HPR number, HelseID subject, system or operator name
 * @param actorName display name
 * @param professionOrRole HPR profession code or role
 * @param serviceContext service context as sent
 * @param accessBasis samtykke code as sent
 * @param patientId the patient's identity number as sent; null for administrative events
 * @param sections sections returned (empty when refused or failed)
 * @param outcome allowed, refused or failed
 * @param reasonCode an error code name, or a review marker such as {@code HPAKUTT_REVIEW}
 * @param reason human-readable reason
 * @param markedForReview true for accesses that must be reviewed (emergency access)
 */
public record AuditEntry(
        EventType type,
        Instant time,
        String correlationId,
        String kommunenummer,
        String orgnr,
        String adapterId,
        String sourceSystem,
        String actorType,
        String actorId,
        String actorName,
        String professionOrRole,
        String serviceContext,
        String accessBasis,
        String patientId,
        Set<Section> sections,
        Outcome outcome,
        String reasonCode,
        String reason,
        boolean markedForReview) {

    public enum EventType {
        /** a patient's kjernejournal was looked up (or an attempt was made). */
        PATIENT_LOOKUP,
        /** an operator changed tenants, adapters or policy. */
        ADMINISTRATION,
        /** a system-level query on the municipality's behalf (e.g. Legemiddelvarsling in a sweep). */
        SYSTEM_QUERY
    }

    public AuditEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(outcome, "outcome");
        sections = sections == null ? Set.of() : Set.copyOf(sections);
    }

    @Override
    public String toString() {
        return "AuditEntry[" + type + ", " + kommunenummer + ", actor=" + actorId + ", patient="
                + NationalIdentityNumber.mask(patientId) + ", " + outcome + ", " + reasonCode + "]";
    }
}
