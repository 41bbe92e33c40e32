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
 * @param unit the unit (ward, home-care district, office) the actor worked from, as sent; since 1.2
 * @param patientName the patient's name as kjernejournal returned it, when it was fetched; review rules
 *        compare surnames with the actor's. Since 1.2
 * @param purpose free-text purpose of use or case reference the caller gave (formål); since 1.2
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
        boolean markedForReview,
        String unit,
        String patientName,
        String purpose) {

    /** The 1.1 form, without unit, patient name and purpose. */
    public AuditEntry(EventType type, Instant time, String correlationId, String kommunenummer, String orgnr,
                      String adapterId, String sourceSystem, String actorType, String actorId, String actorName,
                      String professionOrRole, String serviceContext, String accessBasis, String patientId,
                      Set<Section> sections, Outcome outcome, String reasonCode, String reason,
                      boolean markedForReview) {
        this(type, time, correlationId, kommunenummer, orgnr, adapterId, sourceSystem, actorType, actorId, actorName,
                professionOrRole, serviceContext, accessBasis, patientId, sections, outcome, reasonCode, reason,
                markedForReview, null, null, null);
    }

    /** A copy with unit, patient name and purpose set. */
    public AuditEntry with(String unit, String patientName, String purpose) {
        return new AuditEntry(type, time, correlationId, kommunenummer, orgnr, adapterId, sourceSystem, actorType,
                actorId, actorName, professionOrRole, serviceContext, accessBasis, patientId, sections, outcome,
                reasonCode, reason, markedForReview, unit, patientName, purpose);
    }

    /**
     * The hash chain a record belongs to: one per municipality (a four-digit kommunenummer), and
     * {@code "_system"} for records that name none or something that is not a kommunenummer (an
     * unknown caller's claim must not be able to create chains at will).
     */
    public String chain() {
        return kommunenummer != null && kommunenummer.matches("\\d{4}") ? kommunenummer : SYSTEM_CHAIN;
    }

    /** Chain of records without a municipality. */
    public static final String SYSTEM_CHAIN = "_system";

    public enum EventType {
        /** a patient's kjernejournal was looked up (or an attempt was made). */
        PATIENT_LOOKUP,
        /** an operator changed tenants, adapters or policy. */
        ADMINISTRATION,
        /** a system-level query on the municipality's behalf (e.g. Legemiddelvarsling in a sweep). */
        SYSTEM_QUERY,
        /** an auditor searched, exported, verified or reported on the log (since 1.2). */
        AUDIT_ACCESS,
        /** an auditor marked a review finding as reviewed (since 1.2). */
        AUDIT_REVIEW,
        /** expired records were purged under the retention rule (since 1.2). */
        AUDIT_PURGE
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
