package no.kjernebro.adapter.sykehjemxml.internal.xml;

import static no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FeilmeldingWriterTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeRendersAValidDocument(ErrorCode code) {
        byte[] xml = FeilmeldingWriter.write(code, null, Outcome.REFUSED, "m-1", null, null);

        Xsd.validate(xml);
        Dom feil = Dom.of(xml);
        assertThat(feil.text("/s:Feilmelding/s:Kode")).isEqualTo(code.name());
        assertThat(feil.text("/s:Feilmelding/s:Melding")).isEqualTo(code.description());
        assertThat(feil.text("/s:Feilmelding/s:MeldingsId")).isEqualTo("m-1");
        assertThat(feil.count("/s:Feilmelding/s:Loggreferanse")).isZero();
    }

    @Test
    void auditReferenceAndOutcomeAreIncludedWhenKnown() {
        byte[] xml = FeilmeldingWriter.write(ErrorCode.ACCESS_BASIS_NOT_ALLOWED, "HPAKUTT is not allowed here",
                Outcome.REFUSED, "m-2", "audit-77", PATIENT);

        Xsd.validate(xml);
        Dom feil = Dom.of(xml);
        assertThat(feil.text("/s:Feilmelding/s:Melding")).isEqualTo("HPAKUTT is not allowed here");
        assertThat(feil.text("/s:Feilmelding/s:Utfall")).isEqualTo("REFUSED");
        assertThat(feil.text("/s:Feilmelding/s:Loggreferanse")).isEqualTo("audit-77");
    }

    @Test
    void identityNumbersInTheMessageAreMasked() {
        String xml = new String(FeilmeldingWriter.write(ErrorCode.INVALID_PATIENT_ID,
                "05902823096 is not valid (request named 0590282309X and 12345678901)", Outcome.REFUSED, "m-3",
                "audit-78", "0590282309X"), StandardCharsets.UTF_8);

        assertThat(xml).doesNotContain("05902823096").doesNotContain("0590282309X").doesNotContain("12345678901");
        assertThat(Dom.of(xml.getBytes(StandardCharsets.UTF_8)).text("/s:Feilmelding/s:Melding"))
                .isEqualTo("*********96 is not valid (request named *********9X and *********01)");
    }

    @Test
    void otherNumbersAreLeftAlone() {
        byte[] xml = FeilmeldingWriter.write(ErrorCode.UNKNOWN_TENANT, "kommune 5601, orgnr 990560102, HPR 9100002",
                Outcome.REFUSED, "m-4", null, null);

        assertThat(Dom.of(xml).text("/s:Feilmelding/s:Melding")).isEqualTo("kommune 5601, orgnr 990560102, HPR 9100002");
    }
}
