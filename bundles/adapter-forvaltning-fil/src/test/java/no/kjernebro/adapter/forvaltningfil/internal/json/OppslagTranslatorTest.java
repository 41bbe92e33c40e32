package no.kjernebro.adapter.forvaltningfil.internal.json;

import static no.kjernebro.adapter.forvaltningfil.internal.json.Fixtures.ALTA;
import static no.kjernebro.adapter.forvaltningfil.internal.json.Fixtures.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.RejectedRequest;
import no.kjernebro.api.lookup.Requester;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.lookup.ServiceContext;
import no.kjernebro.api.lookup.SourceSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OppslagTranslatorTest {

    private final OppslagTranslator translator = new OppslagTranslator(ForvaltningFormat.DEFAULT_MAX_BYTES, () -> "generated-1");

    @Test
    void validRequestBecomesTheExactLookupRequestWithTheCaseReferenceAsCorrelationId() {
        Translation t = translator.translate(Fixtures.request(), ALTA);

        assertThat(t).isInstanceOf(Translation.Accepted.class);
        LookupRequest expected = new LookupRequest(
                new Requester(ALTA, null, "Tildelingskontoret"),
                new Actor.CaseWorker("hid-sb-5601-0001", "Sara Testsaksbehandler", "SAKSBEHANDLER"),
                ServiceContext.TILDELINGSKONTOR, PATIENT, AccessBasis.HPMOTTATTSAMTYKKE, Set.of(),
                new SourceSystem("Saksflyt Omsorg", "5.2"), "forvaltning-fil", Fixtures.USER_TOKEN,
                "2026/1234/7f3c9a52-1b7e-4d0a-9c55-2f6f1d8e4b10", Samtykker.INGEN,
                "VURDERING_AV_TJENESTE, sak 2026/1234");
        assertThat(((Translation.Accepted) t).request()).isEqualTo(expected);
        assertThat(t.credential()).isEqualTo(new CallerCredential(CallerCredential.Scheme.API_KEY, "demo-alta-5601"));
        assertThat(t.sak()).isEqualTo(new Saksreferanse("2026/1234", "7f3c9a52-1b7e-4d0a-9c55-2f6f1d8e4b10", ALTA,
                "VURDERING_AV_TJENESTE", "2026/1234/7f3c9a52-1b7e-4d0a-9c55-2f6f1d8e4b10"));
    }

    @Test
    void wantedSectionsAreTranslated() {
        Translation t = translator.translate(Fixtures.requestWith("\"formaal\"",
                "\"onsketInnhold\": [\"PERSONALIA\", \"FASTLEGE\"], \"formaal\""), ALTA);

        assertThat(((Translation.Accepted) t).request().wantedSections()).containsExactlyInAnyOrder(Section.PERSONALIA,
                Section.FASTLEGE);
    }

    @Test
    void missingApiKeyAndTokenAreLeftForCoreToRefuse() {
        Translation t = translator.translate(Fixtures.requestWith("\"apiNokkel\": \"demo-alta-5601\",", ""), ALTA);

        assertThat(t).isInstanceOf(Translation.Accepted.class);
        assertThat(t.credential()).isNull();
    }

    @Test
    void missingCaseReferenceIsRefusedAndEverythingReadableIsHandedToCore() {
        Translation t = translator.translate(Fixtures.requestWith("\"saksnummer\": \"2026/1234\",", ""), ALTA);

        RejectedRequest r = rejected(t, ErrorCode.INVALID_REQUEST, "missing field 'saksnummer'");
        assertThat(r.kommunenummer()).isEqualTo(ALTA);
        assertThat(r.patientId()).isEqualTo(PATIENT);
        assertThat(r.actorId()).isEqualTo("hid-sb-5601-0001");
        assertThat(r.professionOrRole()).isEqualTo("SAKSBEHANDLER");
        assertThat(r.serviceContext()).isEqualTo("TILDELINGSKONTOR");
        assertThat(r.accessBasis()).isEqualTo("HPMOTTATTSAMTYKKE");
        assertThat(r.sourceSystem()).isEqualTo("Saksflyt Omsorg 5.2");
        assertThat(r.correlationId()).isEqualTo("UTEN-SAKSNUMMER/7f3c9a52-1b7e-4d0a-9c55-2f6f1d8e4b10");
        assertThat(t.credential()).isNotNull();
        assertThat(((Translation.Rejected) t).unreadable()).isFalse();
    }

    @Test
    void badCaseReferenceIsNamed() {
        rejected(translator.translate(Fixtures.requestWith("2026/1234", "2026 1234"), ALTA),
                ErrorCode.INVALID_REQUEST, "field 'saksnummer' must be");
    }

    @Test
    void badMessageIdIsRefusedUnderAGeneratedId() {
        Translation t = translator.translate(Fixtures.requestWith("7f3c9a52-1b7e-4d0a-9c55-2f6f1d8e4b10", "a/b"), ALTA);

        rejected(t, ErrorCode.INVALID_REQUEST, "field 'meldingsId' must be");
        assertThat(t.sak().correlationId()).isEqualTo("2026/1234/generated-1");
    }

    @Test
    void municipalityMustMatchTheFolderTheFileWasDeliveredTo() {
        RejectedRequest r = rejected(translator.translate(Fixtures.request(), "5503"), ErrorCode.INVALID_REQUEST,
                "field 'kommune' is 5601 but the file was delivered to the folder of 5503");
        assertThat(r.kommunenummer()).as("core checks the key against the folder's municipality").isEqualTo("5503");
    }

    @Test
    void wrongTypesNameTheField() {
        rejected(translator.translate(Fixtures.requestWith("\"Sara Testsaksbehandler\"", "42"), ALTA),
                ErrorCode.INVALID_REQUEST, "field 'saksbehandler.navn' must be a string, not a number");
        rejected(translator.translate(Fixtures.requestWith("{ \"fodselsnummer\": \"05902823095\" }", "\"05902823095\""), ALTA),
                ErrorCode.INVALID_REQUEST, "field 'bruker' must be an object, not a string");
        rejected(translator.translate(Fixtures.requestWith("\"HPMOTTATTSAMTYKKE\"", "true"), ALTA),
                ErrorCode.INVALID_REQUEST, "field 'tilgangsgrunnlag' must be a string, not a boolean");
        rejected(translator.translate(Fixtures.requestWith("\"formaal\"", "\"onsketInnhold\": \"PERSONALIA\", \"formaal\""), ALTA),
                ErrorCode.INVALID_REQUEST, "field 'onsketInnhold' must be an array of strings, not a string");
        rejected(translator.translate(Fixtures.requestWith("\"demo-alta-5601\"", "[\"demo-alta-5601\"]"), ALTA),
                ErrorCode.INVALID_REQUEST, "field 'apiNokkel' must be a string, not an array");
    }

    @Test
    void unknownFieldsAreRefusedWhereverTheyAre() {
        rejected(translator.translate(Fixtures.requestWith("\"formaal\"", "\"prioritet\": 1, \"formaal\""), ALTA),
                ErrorCode.INVALID_REQUEST, "unknown field 'prioritet'");
        rejected(translator.translate(Fixtures.requestWith("\"rolle\"", "\"hprNummer\": \"9100002\", \"rolle\""), ALTA),
                ErrorCode.INVALID_REQUEST, "unknown field 'saksbehandler.hprNummer'");
    }

    @Test
    void unknownCodesGetTheirOwnErrors() {
        rejected(translator.translate(Fixtures.requestWith("HPMOTTATTSAMTYKKE", "SAMTYKKE"), ALTA),
                ErrorCode.UNKNOWN_ACCESS_BASIS, "unknown tilgangsgrunnlag 'SAMTYKKE'");
        rejected(translator.translate(Fixtures.requestWith("VURDERING_AV_TJENESTE", "NYSGJERRIGHET"), ALTA),
                ErrorCode.INVALID_REQUEST, "unknown formaal 'NYSGJERRIGHET'; expected one of VURDERING_AV_TJENESTE");
        rejected(translator.translate(Fixtures.requestWith("\"formaal\"", "\"onsketInnhold\": [\"JOURNAL\"], \"formaal\""), ALTA),
                ErrorCode.INVALID_REQUEST, "unknown onsketInnhold[0] 'JOURNAL'");
        rejected(translator.translate(Fixtures.requestWith("SAKSBEHANDLER", "saksbehandler"), ALTA),
                ErrorCode.INVALID_REQUEST, "field 'saksbehandler.rolle' must be an upper-case role code");
    }

    @Test
    void missingActorFieldsAreNamed() {
        rejected(translator.translate(Fixtures.requestWith("\"helseIdSubjekt\": \"hid-sb-5601-0001\",", ""), ALTA),
                ErrorCode.INVALID_REQUEST, "missing field 'saksbehandler.helseIdSubjekt'");
        rejected(translator.translate(Fixtures.requestWith("\"fagsystem\": { \"navn\": \"Saksflyt Omsorg\", \"versjon\": \"5.2\" },", ""), ALTA),
                ErrorCode.INVALID_REQUEST, "missing field 'fagsystem.navn'");
    }

    @ParameterizedTest
    @CsvSource({
            "true, false, false",
            "false, true, false",
            "false, false, true",
            "true, true, true",
            "false, false, false"})
    void additionalConsentsBecomeSamtykker(boolean kritiskInfo, boolean legemidler, boolean lasteResepter) {
        LookupRequest r = accepted(withSamtykke("{ \"sperretKritiskInfo\": " + kritiskInfo + ", \"sperretLegemidler\": "
                + legemidler + ", \"lasteResepter\": " + lasteResepter + " }"));

        assertThat(r.samtykker()).isEqualTo(new Samtykker(kritiskInfo, legemidler, lasteResepter));
    }

    @Test
    void anAbsentConsentIsNotGiven() {
        assertThat(accepted(Fixtures.request()).samtykker()).isEqualTo(Samtykker.INGEN);
        assertThat(accepted(withSamtykke("null")).samtykker()).isEqualTo(Samtykker.INGEN);
        assertThat(accepted(withSamtykke("{}")).samtykker()).isEqualTo(Samtykker.INGEN);
        assertThat(accepted(withSamtykke("{ \"lasteResepter\": true, \"sperretLegemidler\": null }")).samtykker())
                .isEqualTo(new Samtykker(false, false, true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{ \"sperretKritiskInfo\": \"true\" }|field 'tilleggssamtykke.sperretKritiskInfo' must be true or false, not a string",
            "{ \"sperretLegemidler\": 1 }|field 'tilleggssamtykke.sperretLegemidler' must be true or false, not a number",
            "{ \"lasteResepter\": [true] }|field 'tilleggssamtykke.lasteResepter' must be true or false, not an array",
            "{ \"lasteresepter\": true }|unknown field 'tilleggssamtykke.lasteresepter'",
            "true|field 'tilleggssamtykke' must be an object, not a boolean"})
    void aMalformedConsentIsAnInvalidRequestNamingThePatient(String tillegg, String message) {
        RejectedRequest r = rejected(translator.translate(withSamtykke(tillegg), ALTA), ErrorCode.INVALID_REQUEST, message);

        assertThat(r.message()).isEqualTo(message);
        assertThat(r.patientId()).as("so core audits the refusal").isEqualTo(PATIENT);
        assertThat(r.kommunenummer()).isEqualTo(ALTA);
    }

    @Test
    void theIdentityNumberIsNotJudgedHereButPassedToCore() {
        Translation t = translator.translate(Fixtures.requestWith(PATIENT, "05902823096"), ALTA);

        assertThat(((Translation.Accepted) t).request().patientId()).isEqualTo("05902823096");
    }

    private static byte[] withSamtykke(String tillegg) {
        return Fixtures.requestWith("\"apiNokkel\"", "\"tilleggssamtykke\": " + tillegg + ",\n  \"apiNokkel\"");
    }

    private LookupRequest accepted(byte[] request) {
        Translation t = translator.translate(request, ALTA);
        assertThat(t).as("%s", t).isInstanceOf(Translation.Accepted.class);
        return ((Translation.Accepted) t).request();
    }

    static RejectedRequest rejected(Translation t, ErrorCode error, String messageStart) {
        assertThat(t).isInstanceOf(Translation.Rejected.class);
        RejectedRequest r = ((Translation.Rejected) t).rejected();
        assertThat(r.error()).isEqualTo(error);
        assertThat(r.message()).startsWith(messageStart);
        assertThat(r.adapterId()).isEqualTo("forvaltning-fil");
        return r;
    }
}
