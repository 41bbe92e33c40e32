package no.kjernebro.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.stream.Collectors;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.Section;

/**
 * One audit record exactly as stored and hashed: text already cut to its column, time already
 * truncated to microseconds (what both databases keep), sections as a comma list in
 * {@link Section} order.
 *
 * @param patientId the full identity number as sent (auditors and patients need it); masked in {@link #toString()}
 * @param prevHash the hash of the record before (64 zeros for the first)
 * @param hash SHA-256 over {@code prevHash} and this record's canonical form, lowercase hex
 */
public record AuditRecord(
        long seq,
        String reference,
        String eventType,
        Instant recordedAt,
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
        String sections,
        String outcome,
        String reasonCode,
        String reason,
        boolean markedForReview,
        String prevHash,
        String hash) {

    /** Builds the record that takes position {@code seq} after a record whose hash is {@code prevHash}. */
    public static AuditRecord chained(AuditEntry entry, long seq, String prevHash) {
        AuditRecord unhashed = new AuditRecord(seq, reference(seq), entry.type().name(),
                entry.time().truncatedTo(ChronoUnit.MICROS),
                bound(entry.correlationId(), AuditSchema.ID), bound(entry.kommunenummer(), AuditSchema.CODE),
                bound(entry.orgnr(), AuditSchema.CODE), bound(entry.adapterId(), AuditSchema.CODE),
                bound(entry.sourceSystem(), AuditSchema.NAME), bound(entry.actorType(), AuditSchema.CODE),
                bound(entry.actorId(), AuditSchema.ID), bound(entry.actorName(), AuditSchema.NAME),
                bound(entry.professionOrRole(), AuditSchema.CODE), bound(entry.serviceContext(), AuditSchema.CODE),
                bound(entry.accessBasis(), AuditSchema.CODE), bound(entry.patientId(), AuditSchema.CODE),
                sectionList(entry), entry.outcome().name(), bound(entry.reasonCode(), AuditSchema.CODE),
                bound(entry.reason(), AuditSchema.REASON), entry.markedForReview(), prevHash, null);
        return unhashed.withHash(HashChain.hash(unhashed));
    }

    /** The reference auditors quote: {@code KJB-} and the sequence number in 12 digits. */
    public static String reference(long seq) {
        return String.format("KJB-%012d", seq);
    }

    AuditRecord withHash(String newHash) {
        return new AuditRecord(seq, reference, eventType, recordedAt, correlationId, kommunenummer, orgnr,
                adapterId, sourceSystem, actorType, actorId, actorName, professionOrRole, serviceContext,
                accessBasis, patientId, sections, outcome, reasonCode, reason, markedForReview, prevHash, newHash);
    }

    private static String bound(String value, int max) {
        return BoundedText.bound(value, max);
    }

    private static String sectionList(AuditEntry entry) {
        if (entry.sections().isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(entry.sections()).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return "AuditRecord[" + reference + ", " + eventType + ", " + kommunenummer + ", actor=" + actorId
                + ", patient=" + (patientId == null ? "none" : NationalIdentityNumber.mask(patientId))
                + ", " + outcome + ", " + reasonCode + "]";
    }
}
