package no.kjernebro.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds the bytes that are hashed or signed: a version line, then every field as its UTF-8 length,
 * a colon, the bytes and a newline ({@code -} and a newline for null). Two different field lists can
 * never serialize to the same bytes, so nothing can be moved from one field to the next.
 */
final class CanonicalForm {

    private static final DateTimeFormatter MICROS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    CanonicalForm(String versionLine) {
        out.writeBytes((versionLine + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    CanonicalForm field(String value) {
        if (value == null) {
            out.writeBytes("-\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digits(bytes.length);
        out.write(':');
        out.writeBytes(bytes);
        out.write('\n');
        return this;
    }

    private void digits(int n) {
        if (n >= 10) {
            digits(n / 10);
        }
        out.write('0' + n % 10);
    }

    CanonicalForm field(long value) {
        return field(Long.toString(value));
    }

    CanonicalForm field(Instant value) {
        return field(value == null ? null : instant(value));
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** ISO-8601 in UTC with exactly six fractional digits; sub-microsecond digits are dropped. */
    static String instant(Instant time) {
        return MICROS_UTC.format(time);
    }
}
