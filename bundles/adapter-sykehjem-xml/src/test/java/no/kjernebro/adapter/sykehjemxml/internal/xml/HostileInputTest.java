package no.kjernebro.adapter.sykehjemxml.internal.xml;

import static no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures.NURSE_REQUEST;
import static no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures.stream;
import static no.kjernebro.adapter.sykehjemxml.internal.xml.OppslagTranslatorTest.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.RejectedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DTDs, entities, XInclude and oversized bodies: none of them gets further than the parser. */
class HostileInputTest {

    private static final String BODY = NURSE_REQUEST.substring(NURSE_REQUEST.indexOf("<KjernejournalOppslag"));

    private final OppslagTranslator translator = new OppslagTranslator(64 * 1024, () -> "generated-1");

    @Test
    void externalEntityIsRefusedAndTheFileNeverRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPPHEMMELIG");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE KjernejournalOppslag [\n"
                + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + BODY.replace("avdeling Elvebakken", "&xxe;");

        RejectedRequest rejected = rejected(translate(xml));

        assertThat(rejected.error()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(rejected.message()).isEqualTo("a DOCTYPE declaration is not allowed (line 2, column 10)");
        assertThat(rejected.toString()).doesNotContain("TOPPHEMMELIG");
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        dtd.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            dtd.append(" <!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n");
        String xml = dtd + BODY.replace("avdeling Elvebakken", "&lol9;");

        RejectedRequest rejected = rejected(translate(xml));

        assertThat(rejected.error()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(rejected.message()).startsWith("a DOCTYPE declaration is not allowed");
    }

    @Test
    void externalDtdIsRefusedWithoutFetchingIt() {
        String xml = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE KjernejournalOppslag SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n" + BODY;

        RejectedRequest rejected = rejected(translate(xml));

        assertThat(rejected.error()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(rejected.message()).startsWith("a DOCTYPE declaration is not allowed");
    }

    @Test
    void parameterEntityIsRefused() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [ <!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p; ]>\n" + BODY;

        assertThat(rejected(translate(xml)).error()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
    }

    @Test
    void xincludeIsNotProcessed() {
        String xml = NURSE_REQUEST.replace("<Fodselsnummer>05902823095</Fodselsnummer>",
                "<Fodselsnummer><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/hostname\""
                        + " parse=\"text\"/></Fodselsnummer>");

        RejectedRequest rejected = rejected(translate(xml));

        assertThat(rejected.error()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(rejected.message()).isEqualTo("element Pasient/Fodselsnummer must contain text only");
        assertThat(rejected.patientId()).isNull();
    }

    @Test
    void declaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };

        RejectedRequest rejected = rejected(new OppslagTranslator(1024, () -> "generated-1")
                .translate(untouchable, 1025L, null, null));

        assertThat(rejected.error()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(rejected.message()).isEqualTo("the message is larger than 1024 bytes");
    }

    @Test
    void bodyLargerThanTheLimitIsRefusedAfterReadingOneBytePastIt() {
        CountingStream body = new CountingStream(padded(5000));

        RejectedRequest rejected = rejected(new OppslagTranslator(2048, () -> "generated-1")
                .translate(body, null, null, null));

        assertThat(rejected.error()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(body.count).isEqualTo(2049);
    }

    @Test
    void understatedContentLengthDoesNotLiftTheLimit() {
        RejectedRequest rejected = rejected(new OppslagTranslator(2048, () -> "generated-1")
                .translate(new ByteArrayInputStream(padded(5000)), 100L, null, null));

        assertThat(rejected.error()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void bodyOfExactlyTheLimitIsAccepted() {
        byte[] body = padded(3000);

        Translation t = new OppslagTranslator(3000, () -> "generated-1")
                .translate(new ByteArrayInputStream(body), (long) body.length, null, null);

        assertThat(t).isInstanceOf(Translation.Accepted.class);
    }

    private Translation translate(String xml) {
        return translator.translate(stream(xml), null, null, null);
    }

    /** The nurse request padded with a comment to exactly {@code size} bytes. */
    private static byte[] padded(int size) {
        byte[] base = NURSE_REQUEST.getBytes(StandardCharsets.UTF_8);
        int filler = size - base.length - "<!---->".length();
        return (NURSE_REQUEST + "<!--" + "x".repeat(filler) + "-->").getBytes(StandardCharsets.UTF_8);
    }

    private static final class CountingStream extends InputStream {
        private final InputStream in;
        private long count;

        CountingStream(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
