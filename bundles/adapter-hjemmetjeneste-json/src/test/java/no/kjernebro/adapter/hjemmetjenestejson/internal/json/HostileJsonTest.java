package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import static no.kjernebro.adapter.hjemmetjenestejson.internal.json.Fixtures.NURSE_REQUEST;
import static no.kjernebro.adapter.hjemmetjenestejson.internal.json.Fixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.RejectedRequest;
import org.junit.jupiter.api.Test;

/** Input an attacker or a broken EPJ might send to the lookup endpoint. */
class HostileJsonTest {

    private final OppslagTranslator translator = new OppslagTranslator(4096, () -> "id");

    @Test
    void deepNestingIsRefusedBeforeItCostsAnything() {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        RejectedRequest r = rejected(stream(deep), null, new OppslagTranslator(1_000_000, () -> "id"));

        assertThat(r.error()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(r.message()).contains("exceeds a limit");
    }

    @Test
    void longStringsAreRefused() {
        String json = NURSE_REQUEST.replace("Hjemmesykepleien sone sentrum", "x".repeat(JsonLimits.MAX_STRING + 1));

        assertThat(rejected(stream(json), null, new OppslagTranslator(1_000_000, () -> "id")).message())
                .contains("exceeds a limit");
    }

    @Test
    void duplicateKeysAreRefused() {
        String json = NURSE_REQUEST.replace("\"kommuneNr\": \"5601\",", "\"kommuneNr\": \"5601\", \"kommuneNr\": \"5503\",");

        RejectedRequest r = rejected(stream(json), null, translator);

        assertThat(r.error()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(r.message()).startsWith("a field is given twice");
        assertThat(r.kommunenummer()).as("nothing of an ambiguous message is trusted").isNull();
    }

    @Test
    void anythingAfterTheObjectIsRefused() {
        assertThat(rejected(stream(NURSE_REQUEST + "{}"), null, translator).error()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
    }

    @Test
    void notAnObjectIsRefused() {
        assertThat(rejected(stream("[1,2,3]"), null, translator).message()).isEqualTo("the body must be one JSON object");
        assertThat(rejected(stream(""), null, translator).message()).isEqualTo("the body must be one JSON object");
    }

    @Test
    void brokenJsonIsRefusedWithoutQuotingIt() {
        RejectedRequest r = rejected(stream("{\"patient\": 05902823095x}"), null, translator);

        assertThat(r.error()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(r.message()).startsWith("the JSON is not well-formed (line 1").doesNotContain("05902823095");
    }

    @Test
    void declaredOversizeIsRefusedUnread() {
        InputStream neverRead = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };

        assertThat(rejected(neverRead, 4097L, translator).error()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void undeclaredOversizeIsCutOffWhileReading() {
        byte[] big = (NURSE_REQUEST.replace("}\n", ", \"pad\": \"" + "x".repeat(4000) + "\"}\n")).getBytes();
        int[] read = {0};
        InputStream counting = new ByteArrayInputStream(big) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                read[0] += Math.max(0, n);
                return n;
            }
        };

        assertThat(rejected(counting, null, translator).error()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(read[0]).isLessThanOrEqualTo(4097);
    }

    private static RejectedRequest rejected(InputStream body, Long declared, OppslagTranslator t) {
        Translation translation = t.translate(body, declared, null);
        assertThat(translation).isInstanceOf(Translation.Rejected.class);
        return ((Translation.Rejected) translation).rejected();
    }
}
