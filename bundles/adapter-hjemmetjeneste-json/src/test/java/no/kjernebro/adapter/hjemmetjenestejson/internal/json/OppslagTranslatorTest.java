package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import static no.kjernebro.adapter.hjemmetjenestejson.internal.json.Fixtures.NURSE_REQUEST;
import static no.kjernebro.adapter.hjemmetjenestejson.internal.json.Fixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.Profession;
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

    private final OppslagTranslator translator = new OppslagTranslator(65536, () -> "generated-id");

    @Test
    void nurseLookupBecomesAHomeCareRequest() {
        LookupRequest r = accepted(NURSE_REQUEST, "eyJ.user.token");

        assertThat(r.requester()).isEqualTo(new Requester("5601", "990560102", "Hjemmesykepleien sone sentrum"));
        assertThat(r.actor()).isEqualTo(new Actor.HealthPersonnel("9100002", "Siv Testsykepleier", Profession.SP));
        assertThat(r.serviceContext()).isEqualTo(ServiceContext.HJEMMETJENESTE);
        assertThat(r.patientId()).isEqualTo(Fixtures.PATIENT);
        assertThat(r.accessBasis()).isEqualTo(AccessBasis.HPMOTTATTSAMTYKKE);
        assertThat(r.wantedSections()).containsExactlyInAnyOrder(Section.LEGEMIDLER, Section.KRITISK_INFORMASJON);
        assertThat(r.sourceSystem()).isEqualTo(new SourceSystem("Omsorg Mobil", "24.2"));
        assertThat(r.adapterId()).isEqualTo("hjemmetjeneste-json");
        assertThat(r.userToken()).isEqualTo("eyJ.user.token");
        assertThat(r.correlationId()).isEqualTo("hb-20250310-0815-17");
    }

    @Test
    void withoutIncludeEverythingThePolicyAllowsIsWanted() {
        LookupRequest r = accepted(NURSE_REQUEST.replace("\"include\": [\"medisiner\", \"kritiskInfo\"]", "\"include\": []"), null);

        assertThat(r.wantedSections()).isEmpty();
        assertThat(r.userToken()).isNull();
    }

    @Test
    void missingRequestIdGetsAGeneratedOne() {
        assertThat(accepted(NURSE_REQUEST.replace("\"requestId\": \"hb-20250310-0815-17\",", ""), null).correlationId())
                .isEqualTo("generated-id");
    }

    @Test
    void unknownProfessionIsRejectedWithEverythingReadable() {
        RejectedRequest r = rejected(NURSE_REQUEST.replace("\"SP\"", "\"XX\""));

        assertThat(r.error()).isEqualTo(ErrorCode.UNKNOWN_PROFESSION);
        assertThat(r.kommunenummer()).isEqualTo("5601");
        assertThat(r.patientId()).isEqualTo(Fixtures.PATIENT);
        assertThat(r.actorId()).isEqualTo("9100002");
        assertThat(r.professionOrRole()).isEqualTo("XX");
        assertThat(r.serviceContext()).isEqualTo("HJEMMETJENESTE");
        assertThat(r.sourceSystem()).isEqualTo("Omsorg Mobil 24.2");
        assertThat(r.correlationId()).isEqualTo("hb-20250310-0815-17");
    }

    @Test
    void eachProblemHasItsCode() {
        assertThat(rejected(NURSE_REQUEST.replace("HPMOTTATTSAMTYKKE", "JUSTBECAUSE")).error())
                .isEqualTo(ErrorCode.UNKNOWN_ACCESS_BASIS);
        assertThat(rejected(NURSE_REQUEST.replace("\"kritiskInfo\"", "\"everything\"")).message())
                .contains("include 'everything'");
        assertThat(rejected(NURSE_REQUEST.replace("\"5601\"", "\"56\"")).message()).isEqualTo("kommuneNr must be 4 digits");
        assertThat(rejected(NURSE_REQUEST.replace("\"orgNr\": \"990560102\",", "")).message()).isEqualTo("missing field orgNr");
        assertThat(rejected(NURSE_REQUEST.replace("\"9100002\"", "9100002")).message()).isEqualTo("employee.hprNr must be a string");
        assertThat(rejected(NURSE_REQUEST.replace("\"Siv Testsykepleier\"", "\"  \"")).message())
                .isEqualTo("employee.name must not be empty");
        assertThat(rejected(NURSE_REQUEST.replace("hb-20250310-0815-17", "bad id!")).message()).startsWith("requestId");
        assertThat(rejected(NURSE_REQUEST.replace("\"patient\": { \"personnummer\": \"05902823095\", \"internalId\": \"PAS-88123\" },", ""))
                .message()).isEqualTo("missing field patient.personnummer");
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
                + legemidler + ", \"lasteResepter\": " + lasteResepter + " }"), null);

        assertThat(r.samtykker()).isEqualTo(new Samtykker(kritiskInfo, legemidler, lasteResepter));
    }

    @Test
    void anAbsentConsentIsNotGiven() {
        assertThat(accepted(NURSE_REQUEST, null).samtykker()).isEqualTo(Samtykker.INGEN);
        assertThat(accepted(withSamtykke("null"), null).samtykker()).isEqualTo(Samtykker.INGEN);
        assertThat(accepted(withSamtykke("{}"), null).samtykker()).isEqualTo(Samtykker.INGEN);
        assertThat(accepted(withSamtykke("{ \"sperretKritiskInfo\": true, \"lasteResepter\": null }"), null).samtykker())
                .isEqualTo(new Samtykker(true, false, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{ \"sperretKritiskInfo\": \"true\" }|tilleggssamtykke.sperretKritiskInfo must be true or false",
            "{ \"sperretLegemidler\": 1 }|tilleggssamtykke.sperretLegemidler must be true or false",
            "{ \"lasteResepter\": \"ja\" }|tilleggssamtykke.lasteResepter must be true or false",
            "{ \"lasteResepter\": [true] }|tilleggssamtykke.lasteResepter must be true or false",
            "{ \"lasteresepter\": true }|tilleggssamtykke may hold only sperretKritiskInfo, sperretLegemidler, lasteResepter",
            "true|tilleggssamtykke must be an object of sperretKritiskInfo, sperretLegemidler, lasteResepter"})
    void aMalformedConsentIsAnInvalidRequestNamingThePatient(String tillegg, String message) {
        RejectedRequest r = rejected(withSamtykke(tillegg));

        assertThat(r.error()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(r.message()).isEqualTo(message);
        assertThat(r.patientId()).as("so core audits the refusal").isEqualTo(Fixtures.PATIENT);
        assertThat(r.kommunenummer()).isEqualTo("5601");
    }

    @Test
    void theIdentityNumberIsNotJudgedHere() {
        assertThat(accepted(NURSE_REQUEST.replace(Fixtures.PATIENT, "12345678901"), null).patientId()).isEqualTo("12345678901");
    }

    @Test
    void textLongerThanAllowedIsRefused() {
        assertThat(rejected(NURSE_REQUEST.replace("Hjemmesykepleien sone sentrum", "x".repeat(201))).message())
                .isEqualTo("careUnit must be at most 200 characters");
    }

    @Test
    void aRefusalBeforeReadingStillCarriesAServiceContext() {
        Translation.Rejected r = translator.refuse(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "no");

        assertThat(r.rejected().serviceContext()).isEqualTo("HJEMMETJENESTE");
        assertThat(r.rejected().adapterId()).isEqualTo("hjemmetjeneste-json");
        assertThat(r.rejected().patientId()).isNull();
    }

    private static String withSamtykke(String tillegg) {
        return NURSE_REQUEST.replace("\"include\"", "\"tilleggssamtykke\": " + tillegg + ",\n  \"include\"");
    }

    private LookupRequest accepted(String json, String token) {
        Translation t = translator.translate(stream(json), null, token);
        assertThat(t).isInstanceOf(Translation.Accepted.class);
        return ((Translation.Accepted) t).request();
    }

    private RejectedRequest rejected(String json) {
        Translation t = translator.translate(stream(json), null, null);
        assertThat(t).isInstanceOf(Translation.Rejected.class);
        return ((Translation.Rejected) t).rejected();
    }

}
