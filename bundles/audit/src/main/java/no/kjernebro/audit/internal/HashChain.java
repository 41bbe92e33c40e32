package no.kjernebro.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash chain: each record's hash is SHA-256 over the previous hash and the record's canonical
 * form. The canonical form is version-tagged, lists the fields in a fixed order and prefixes every
 * field with its UTF-8 length (null has its own marker), so two different records can never
 * serialize to the same bytes. Changing it breaks every stored chain: add a new version instead.
 */
public final class HashChain {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte[] VERSION = "kjb-audit-v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter MICROS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private HashChain() {
    }

    /** The hash {@code record} must carry, given its own {@code prevHash}. */
    public static String hash(AuditRecord record) {
        MessageDigest sha256 = sha256();
        sha256.update(record.prevHash().getBytes(StandardCharsets.US_ASCII));
        sha256.update(canonical(record));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The bytes that are hashed after the previous hash. */
    public static byte[] canonical(AuditRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes(VERSION);
        field(out, Long.toString(r.seq()));
        field(out, r.reference());
        field(out, r.eventType());
        field(out, instant(r.recordedAt()));
        field(out, r.correlationId());
        field(out, r.kommunenummer());
        field(out, r.orgnr());
        field(out, r.adapterId());
        field(out, r.sourceSystem());
        field(out, r.actorType());
        field(out, r.actorId());
        field(out, r.actorName());
        field(out, r.professionOrRole());
        field(out, r.serviceContext());
        field(out, r.accessBasis());
        field(out, r.patientId());
        field(out, r.sections());
        field(out, r.outcome());
        field(out, r.reasonCode());
        field(out, r.reason());
        field(out, Boolean.toString(r.markedForReview()));
        return out.toByteArray();
    }

    /** ISO-8601 in UTC with exactly six fractional digits; sub-microsecond digits are dropped. */
    public static String instant(Instant time) {
        return MICROS_UTC.format(time);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes("-\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.write('\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
