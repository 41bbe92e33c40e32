package no.kjernebro.adapter.forvaltningfil.internal.json;

import static no.kjernebro.adapter.forvaltningfil.internal.json.Fixtures.ALTA;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.RejectedRequest;
import org.junit.jupiter.api.Test;

/** Files a careless or hostile sender could drop: each refused with a precise reason, none read further. */
class HostileInputTest {

    private static final int MAX_BYTES = 4096;
    private final OppslagTranslator translator = new OppslagTranslator(MAX_BYTES, () -> "generated-1");

    @Test
    void deepNestingIsRefusedBeforeItIsBuilt() {
        String deep = "{\"meldingsId\":" + "[".repeat(500) + "]".repeat(500) + "}";

        RejectedRequest r = unreadable(deep.getBytes(StandardCharsets.UTF_8), ErrorCode.MALFORMED_MESSAGE);
        assertThat(r.message()).isEqualTo("the JSON is nested deeper than 8 levels");
    }

    @Test
    void duplicateKeysAreRefusedNotSilentlyResolved() {
        // a second apiNokkel or fodselsnummer must never quietly win over the first
        byte[] twice = Fixtures.requestWith("\"formaal\"", "\"apiNokkel\": \"other-key\", \"formaal\"");

        RejectedRequest r = unreadable(twice, ErrorCode.MALFORMED_MESSAGE);
        assertThat(r.message()).startsWith("duplicate field 'apiNokkel' at line");
    }

    @Test
    void duplicateKeysInNestedObjectsToo() {
        byte[] twice = Fixtures.requestWith("\"rolle\"", "\"navn\": \"Noen Andre\", \"rolle\"");

        assertThat(unreadable(twice, ErrorCode.MALFORMED_MESSAGE).message()).startsWith("duplicate field 'navn'");
    }

    @Test
    void oversizedContentIsRefused() {
        byte[] big = ("{\"meldingsId\":\"" + "x".repeat(MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);

        RejectedRequest r = unreadable(big, ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(r.message()).isEqualTo("the file is larger than 4096 bytes");
    }

    @Test
    void syntaxErrorsSayWhereWithoutQuotingTheContent() {
        byte[] broken = "{\"bruker\": {\"fodselsnummer\": 05902823095x}}".getBytes(StandardCharsets.UTF_8);

        RejectedRequest r = unreadable(broken, ErrorCode.MALFORMED_MESSAGE);
        assertThat(r.message()).startsWith("the file is not valid JSON").contains("at line 1, column");
        assertThat(r.message()).doesNotContain("05902823095").doesNotContain("902823095");
    }

    @Test
    void somethingOtherThanAnObjectIsRefused() {
        assertThat(unreadable("[1,2,3]".getBytes(StandardCharsets.UTF_8), ErrorCode.MALFORMED_MESSAGE).message())
                .isEqualTo("the file must hold one JSON object, not ARRAY");
        assertThat(unreadable("   \n".getBytes(StandardCharsets.UTF_8), ErrorCode.MALFORMED_MESSAGE).message())
                .isEqualTo("the file is empty");
        assertThat(unreadable(new byte[0], ErrorCode.MALFORMED_MESSAGE).message()).isEqualTo("the file is empty");
    }

    @Test
    void contentAfterTheObjectIsRefused() {
        byte[] two = (Fixtures.REQUEST + "{}").getBytes(StandardCharsets.UTF_8);

        assertThat(unreadable(two, ErrorCode.MALFORMED_MESSAGE).message()).startsWith("there is content after the JSON object");
    }

    @Test
    void onlyUtf8IsAccepted() {
        byte[] latin1 = Fixtures.REQUEST.replace("Sara", "Særa").getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = Fixtures.REQUEST.getBytes(StandardCharsets.UTF_16);

        assertThat(unreadable(latin1, ErrorCode.MALFORMED_MESSAGE).message()).isEqualTo("the file is not UTF-8 encoded");
        assertThat(unreadable(utf16, ErrorCode.MALFORMED_MESSAGE).message()).isEqualTo("the file is not UTF-8 encoded");
    }

    @Test
    void aByteOrderMarkIsTolerated() {
        byte[] bom = ("\uFEFF" + Fixtures.REQUEST).getBytes(StandardCharsets.UTF_8);

        assertThat(translator.translate(bom, ALTA)).isInstanceOf(Translation.Accepted.class);
    }

    @Test
    void longNamesAndNumbersHitTheParserLimits() {
        byte[] longName = ("{\"" + "a".repeat(100) + "\": 1}").getBytes(StandardCharsets.UTF_8);
        byte[] longNumber = ("{\"meldingsId\": " + "9".repeat(200) + "}").getBytes(StandardCharsets.UTF_8);

        assertThat(unreadable(longName, ErrorCode.MALFORMED_MESSAGE).message())
                .isEqualTo("a field name is longer than 64 characters");
        assertThat(unreadable(longNumber, ErrorCode.MALFORMED_MESSAGE).message())
                .isEqualTo("a number is longer than 32 digits");
    }

    @Test
    void anUnknownFieldNamedAfterAPatientIsQuotedMasked() {
        byte[] named = Fixtures.requestWith("\"formaal\"", "\"05902823095\": \"x\", \"formaal\"");

        RejectedRequest r = ((Translation.Rejected) translator.translate(named, ALTA)).rejected();
        assertThat(r.message()).isEqualTo("unknown field '*********95'");
    }

    private RejectedRequest unreadable(byte[] content, ErrorCode error) {
        Translation t = translator.translate(content, ALTA);
        assertThat(t).isInstanceOf(Translation.Rejected.class);
        Translation.Rejected rejected = (Translation.Rejected) t;
        assertThat(rejected.unreadable()).isTrue();
        assertThat(rejected.credential()).isNull();
        assertThat(rejected.rejected().error()).isEqualTo(error);
        assertThat(rejected.rejected().kommunenummer()).isEqualTo(ALTA);
        assertThat(rejected.rejected().patientId()).isNull();
        assertThat(rejected.sak().correlationId()).isEqualTo("UTEN-SAKSNUMMER/generated-1");
        return rejected.rejected();
    }
}
