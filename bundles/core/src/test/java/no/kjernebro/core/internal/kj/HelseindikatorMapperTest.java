package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.summary.Helseindikator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HelseindikatorMapperTest {

    @ParameterizedTest(name = "status {0}")
    @CsvSource({
            "0, Ugyldig fødselsnummer, false",
            "1, Pasienten har ikke kjernejournal, false",
            "2, Pasienten har kjernejournal, true",
            "3, Pasienten har registrert egne opplysninger, true",
            "4, Pasienten har kritisk informasjon, true"})
    void mapsEachDocumentedStatusWithItsReturTekst(int status, String returTekst, boolean harKjernejournal) throws Exception {
        Helseindikator h = HelseindikatorMapper.map(Samples.json("{'status':" + status + ",'returTekst':'" + returTekst + "'}"));
        assertThat(h.status()).isEqualTo(status);
        assertThat(h.returTekst()).isEqualTo(returTekst);
        assertThat(h.harKjernejournal()).isEqualTo(harKjernejournal);
        assertThat(h.eksistererBlokkertHelsepersonell()).isFalse();
    }

    @Test
    void mapsTheFullAnswer() throws Exception {
        Helseindikator h = HelseindikatorMapper.map(Samples.sample("helseindikator.json"));
        assertThat(h.status()).isEqualTo(4);
        assertThat(h.harLegemidler()).isTrue();
        assertThat(h.harLasteResepter()).isFalse();
        assertThat(h.sistEndretKritiskInfo()).containsExactly(
                new Helseindikator.KategoriEndret("ALLERGI", OffsetDateTime.parse("2025-03-02T10:15:00+01:00")));
        assertThat(h.sistEndretKritiskInfoDato()).isEqualTo(OffsetDateTime.parse("2025-03-02T10:15:00+01:00"));
    }

    @Test
    void readsTheFlags() throws Exception {
        Helseindikator h = HelseindikatorMapper.map(Samples.json(
                "{'status':2,'eksistererBlokkertHelsepersonell':true,'harLasteResepter':true,'harLegemidler':false}"));
        assertThat(h.eksistererBlokkertHelsepersonell()).isTrue();
        assertThat(h.harLasteResepter()).isTrue();
        assertThat(h.harLegemidler()).isFalse();
    }

    @Test
    void aNumericStatusSentAsTextIsRead() throws Exception {
        assertThat(HelseindikatorMapper.map(Samples.json("{'status':'3'}")).status()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{'status':7}", "{'status':-1}", "{}", "{'status':null}", "{'status':'fire'}",
            "{'status':2.5}", "{'status':true}", "{'status':[4]}"})
    void anUndocumentedOrMissingStatusIsRejected(String json) {
        assertThatThrownBy(() -> HelseindikatorMapper.map(Samples.json(json)))
                .isInstanceOfSatisfying(KjernejournalException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.KJERNEJOURNAL_REJECTED));
    }

    @Test
    void aBlockedFlagThatIsNotABooleanIsRejectedRatherThanGuessed() {
        assertThatThrownBy(() -> HelseindikatorMapper.map(Samples.json("{'status':4,'eksistererBlokkertHelsepersonell':'ja'}")))
                .isInstanceOfSatisfying(KjernejournalException.class,
                        e -> assertThat(e.getMessage()).contains("eksistererBlokkertHelsepersonell"));
    }

    @Test
    void malformedDatesAreLeftEmpty() throws Exception {
        Helseindikator h = HelseindikatorMapper.map(Samples.json(
                "{'status':4,'sistEndretKritiskInfoDato':'i går','sistEndretKritiskInfo':[{'kategori':'SMITTE'}]}"));
        assertThat(h.sistEndretKritiskInfoDato()).isNull();
        assertThat(h.sistEndretKritiskInfo()).containsExactly(new Helseindikator.KategoriEndret("SMITTE", null));
    }
}
