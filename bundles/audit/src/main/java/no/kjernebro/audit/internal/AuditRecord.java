package no.kjernebro.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.StoredAuditRecord;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Section;

/**
 * One audit record exactly as stored and hashed: text already cut to its column, time already
 * truncated to microseconds (what both databases keep), sections as a comma list in
 * {@code Section} order.
 *
 * @param seq global sequence number: store-wide, in commit order
 * @param chain the hash chain the record belongs to ({@link AuditEntry#chain()}, or
 *        {@link #LEGACY_CHAIN} for records written before per-tenant chains)
 * @param chainSeq position in that chain, 1..n without gaps
 * @param canonicalVersion which canonical form {@link HashChain} hashes (1: legacy, 2: current)
 * @param patientId the full identity number as sent (auditors and patients need it); masked in {@link #toString()}
 * @param prevHash the hash of the previous record of the same chain (64 zeros for the first)
 * @param hash SHA-256 over {@code prevHash} and this record's canonical form, lowercase hex
 */
public record AuditRecord(
        long seq,
        String reference,
        String chain,
        long chainSeq,
        int canonicalVersion,
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
        String unit,
        String patientName,
        String purpose,
        String prevHash,
        String hash) {

    /** The chain that holds every record written before schema version 2 (one global chain then). */
    public static final String LEGACY_CHAIN = "_legacy";

    /**
     * Builds the record at global position {@code seq} and position {@code chainSeq} of
     * {@code chain}, after a record of that chain whose hash is {@code prevHash}.
     */
    public static AuditRecord chained(AuditEntry entry, long seq, String chain, long chainSeq, String prevHash) {
        AuditRecord unhashed = new AuditRecord(seq, reference(seq), chain, chainSeq, HashChain.CURRENT_VERSION,
                entry.type().name(), entry.time().truncatedTo(ChronoUnit.MICROS),
                bound(entry.correlationId(), AuditSchema.ID), bound(entry.kommunenummer(), AuditSchema.CODE),
                bound(entry.orgnr(), AuditSchema.CODE), bound(entry.adapterId(), AuditSchema.CODE),
                bound(entry.sourceSystem(), AuditSchema.NAME), bound(entry.actorType(), AuditSchema.CODE),
                bound(entry.actorId(), AuditSchema.ID), bound(entry.actorName(), AuditSchema.NAME),
                bound(entry.professionOrRole(), AuditSchema.CODE), bound(entry.serviceContext(), AuditSchema.CODE),
                bound(entry.accessBasis(), AuditSchema.CODE), bound(entry.patientId(), AuditSchema.CODE),
                sectionList(entry), entry.outcome().name(), bound(entry.reasonCode(), AuditSchema.CODE),
                bound(entry.reason(), AuditSchema.REASON), entry.markedForReview(),
                bound(entry.unit(), AuditSchema.NAME), bound(entry.patientName(), AuditSchema.NAME),
                bound(entry.purpose(), AuditSchema.REASON), prevHash, null);
        return unhashed.withHash(HashChain.hash(unhashed));
    }

    /**
     * The first-in-its-chain shorthand tests and renderers use: the record at global position
     * {@code seq}, which is also its position in the entry's own chain.
     */
    public static AuditRecord chained(AuditEntry entry, long seq, String prevHash) {
        return chained(entry, seq, entry.chain(), seq, prevHash);
    }

    /** The reference auditors quote: {@code KJB-} and the global sequence number in 12 digits. */
    public static String reference(long seq) {
        return String.format("KJB-%012d", seq);
    }

    /**
     * The record as the API shows it. A stored code this build does not know (only possible if the
     * row was altered) fails loudly rather than being shown as something else.
     */
    public StoredAuditRecord toStored() {
        Set<Section> sectionSet = EnumSet.noneOf(Section.class);
        if (sections != null && !sections.isEmpty()) {
            for (String name : sections.split(",")) {
                sectionSet.add(Section.valueOf(name));
            }
        }
        AuditEntry entry = new AuditEntry(AuditEntry.EventType.valueOf(eventType), recordedAt, correlationId,
                kommunenummer, orgnr, adapterId, sourceSystem, actorType, actorId, actorName, professionOrRole,
                serviceContext, accessBasis, patientId, sectionSet, Outcome.valueOf(outcome), reasonCode, reason,
                markedForReview, unit, patientName, purpose);
        return new StoredAuditRecord(seq, chain, chainSeq, reference, entry, prevHash, hash);
    }

    AuditRecord withHash(String newHash) {
        return new AuditRecord(seq, reference, chain, chainSeq, canonicalVersion, eventType, recordedAt,
                correlationId, kommunenummer, orgnr, adapterId, sourceSystem, actorType, actorId, actorName,
                professionOrRole, serviceContext, accessBasis, patientId, sections, outcome, reasonCode, reason,
                markedForReview, unit, patientName, purpose, prevHash, newHash);
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
        return "AuditRecord[" + reference + ", " + chain + "#" + chainSeq + ", " + eventType + ", actor=" + actorId
                + ", patient=" + (patientId == null ? "none" : NationalIdentityNumber.mask(patientId))
                + ", " + outcome + ", " + reasonCode + "]";
    }
}
