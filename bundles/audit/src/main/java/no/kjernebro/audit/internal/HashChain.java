package no.kjernebro.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash chain: each record's hash is SHA-256 over the previous hash (of the same chain) and the
 * record's canonical form. The canonical form is version-tagged and length-prefixed
 * ({@link CanonicalForm}); a record stores which version it was hashed with, so changing the form
 * means adding a version, never editing one.
 * <ul>
 * <li>v1 ({@code kjb-audit-v1}): the schema-1 fields; records written before per-tenant chains.</li>
 * <li>v2 ({@code kjb-audit-v2}): adds the chain and the position in it, and unit, patient name and
 *     purpose.</li>
 * </ul>
 */
public final class HashChain {

    /** The previous hash of the first record of a chain. */
    public static final String GENESIS = "0".repeat(64);

    /** The canonical form new records are hashed with. */
    public static final int CURRENT_VERSION = 2;

    private HashChain() {
    }

    // MessageDigest.getInstance looks up a provider each time; verify hashes millions of records
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(HashChain::sha256);

    /** The hash {@code record} must carry, given its own {@code prevHash}. */
    public static String hash(AuditRecord record) {
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        sha256.update(record.prevHash().getBytes(StandardCharsets.US_ASCII));
        sha256.update(canonical(record));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The bytes that are hashed after the previous hash, in the record's own canonical version. */
    public static byte[] canonical(AuditRecord r) {
        switch (r.canonicalVersion()) {
            case 1:
                return v1(r);
            case 2:
                return v2(r);
            default:
                throw new IllegalArgumentException("unknown canonical form version " + r.canonicalVersion()
                        + " of " + r.reference());
        }
    }

    private static byte[] v1(AuditRecord r) {
        CanonicalForm form = new CanonicalForm("kjb-audit-v1").field(r.seq()).field(r.reference());
        return common(form, r).bytes();
    }

    private static byte[] v2(AuditRecord r) {
        CanonicalForm form = new CanonicalForm("kjb-audit-v2").field(r.seq()).field(r.reference())
                .field(r.chain()).field(r.chainSeq());
        return common(form, r).field(r.unit()).field(r.patientName()).field(r.purpose()).bytes();
    }

    private static CanonicalForm common(CanonicalForm form, AuditRecord r) {
        return form.field(r.eventType())
                .field(r.recordedAt())
                .field(r.correlationId())
                .field(r.kommunenummer())
                .field(r.orgnr())
                .field(r.adapterId())
                .field(r.sourceSystem())
                .field(r.actorType())
                .field(r.actorId())
                .field(r.actorName())
                .field(r.professionOrRole())
                .field(r.serviceContext())
                .field(r.accessBasis())
                .field(r.patientId())
                .field(r.sections())
                .field(r.outcome())
                .field(r.reasonCode())
                .field(r.reason())
                .field(Boolean.toString(r.markedForReview()));
    }

    /** ISO-8601 in UTC with exactly six fractional digits; sub-microsecond digits are dropped. */
    public static String instant(Instant time) {
        return CanonicalForm.instant(time);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
