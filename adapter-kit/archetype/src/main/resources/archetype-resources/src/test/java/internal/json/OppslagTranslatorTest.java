package ${package}.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import no.kjernebro.adapterkit.conformance.SyntheticSummaries;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Profession;
import no.kjernebro.api.lookup.RejectedRequest;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import org.junit.jupiter.api.Test;

/** The dialect both ways, without HTTP: request to canonical form, outcome to answer. Synthetic data only. */
class OppslagTranslatorTest {

    private static final String PATIENT = "05902823095";
    private static final String REQUEST = """
            {
              "meldingsId": "a1b2c3",
              "kommunenummer": "5601",
              "enhet": "Sone sentrum",
              "system": { "navn": "Min EPJ", "versjon": "1.0" },
              "bruker": { "hprNummer": "9100002", "navn": "Siv Testsykepleier", "kategori": "SP" },
              "pasient": { "fodselsnummer": "05902823095" },
              "tilgangsgrunnlag": "HPMOTTATTSAMTYKKE",
              "deler": [ "LEGEMIDLER", "KRITISK_INFORMASJON" ]
            }
            """;

    private final OppslagTranslator translator = new OppslagTranslator(4096);

    @Test
    void requestBecomesACanonicalLookup() {
        LookupRequest request = accepted(REQUEST);

        assertThat(request.requester().kommunenummer()).isEqualTo("5601");
        assertThat(request.requester().unit()).isEqualTo("Sone sentrum");
        assertThat(request.actor()).isEqualTo(new Actor.HealthPersonnel("9100002", "Siv Testsykepleier", Profession.SP));
        assertThat(request.patientId()).isEqualTo(PATIENT);
        assertThat(request.accessBasis()).isEqualTo(AccessBasis.HPMOTTATTSAMTYKKE);
        assertThat(request.wantedSections()).containsExactlyInAnyOrder(Section.LEGEMIDLER, Section.KRITISK_INFORMASJON);
        assertThat(request.serviceContext()).isEqualTo(OppslagTranslator.SERVICE_CONTEXT);
        assertThat(request.sourceSystem().headerValue()).isEqualTo("Min EPJ 1.0");
        assertThat(request.adapterId()).isEqualTo(OppslagFormat.ADAPTER_ID);
        assertThat(request.userToken()).isEqualTo("user-token");
        assertThat(request.correlationId()).isEqualTo("a1b2c3");
    }

    @Test
    void withoutDelerEverythingThePolicyAllowsIsWanted() {
        assertThat(accepted(REQUEST.replace("\"deler\": [ \"LEGEMIDLER\", \"KRITISK_INFORMASJON\" ]", "\"deler\": null"))
                .wantedSections()).isEmpty();
    }

    @Test
    void unknownProfessionIsRejectedNamingThePatientForTheAudit() {
        RejectedRequest rejected = rejected(REQUEST.replace("\"SP\"", "\"XX\""));

        assertThat(rejected.error()).isEqualTo(ErrorCode.UNKNOWN_PROFESSION);
        assertThat(rejected.patientId()).isEqualTo(PATIENT);
        assertThat(rejected.kommunenummer()).isEqualTo("5601");
        assertThat(rejected.professionOrRole()).isEqualTo("XX");
        assertThat(rejected.correlationId()).isEqualTo("a1b2c3");
    }

    @Test
    void missingOrMistypedFieldsAreInvalidRequests() {
        assertThat(rejected(REQUEST.replace("\"kommunenummer\": \"5601\",", "")).message())
                .isEqualTo("missing field 'kommunenummer'");
        assertThat(rejected(REQUEST.replace("\"9100002\"", "9100002")).message())
                .isEqualTo("field 'bruker.hprNummer' must be a string");
        assertThat(rejected(REQUEST.replace("\"HPMOTTATTSAMTYKKE\"", "\"SAMTYKKE\"")).error())
                .isEqualTo(ErrorCode.UNKNOWN_ACCESS_BASIS);
    }

    @Test
    void additionalConsentsBecomeSamtykker() {
        assertThat(accepted(REQUEST).samtykker()).isEqualTo(Samtykker.INGEN);
        assertThat(accepted(withSamtykke("{ \"sperretKritiskInfo\": true, \"lasteResepter\": true }")).samtykker())
                .isEqualTo(new Samtykker(true, false, true));
        assertThat(accepted(withSamtykke("{ \"sperretLegemidler\": true, \"lasteResepter\": null }")).samtykker())
                .isEqualTo(new Samtykker(false, true, false));
    }

    @Test
    void aConsentThatIsNotABooleanIsAnInvalidRequestNamingThePatient() {
        RejectedRequest text = rejected(withSamtykke("{ \"sperretKritiskInfo\": \"true\" }"));
        RejectedRequest unknown = rejected(withSamtykke("{ \"sperretkritiskinfo\": true }"));

        assertThat(text.error()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(text.message()).isEqualTo("field 'tilleggssamtykke.sperretKritiskInfo' must be true or false");
        assertThat(text.patientId()).isEqualTo(PATIENT);
        assertThat(unknown.error()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(rejected(withSamtykke("true")).message()).isEqualTo("field 'tilleggssamtykke' must be an object");
    }

    @Test
    void hostileOrBrokenJsonIsMalformedAndNothingOfItIsKept() {
        RejectedRequest deep = rejected("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}");
        RejectedRequest twice = rejected(REQUEST.replace("\"enhet\"", "\"kommunenummer\": \"9999\", \"enhet\""));
        RejectedRequest trailing = rejected(REQUEST + "{}");

        for (RejectedRequest r : new RejectedRequest[] {deep, twice, trailing}) {
            assertThat(r.error()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
            assertThat(r.kommunenummer()).isNull();
            assertThat(r.patientId()).isNull();
        }
        assertThat(twice.message()).isEqualTo("the JSON has a duplicate key");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhateverItDeclares() {
        byte[] big = (REQUEST + " ".repeat(5000)).getBytes(StandardCharsets.UTF_8);

        assertThat(rejected(translator.translate(new ByteArrayInputStream(big), null, null)).error())
                .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(rejected(translator.translate(new ByteArrayInputStream(big), 10L, null)).error())
                .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void answerHoldsExactlyTheGrantedSections() {
        Set<Section> granted = EnumSet.of(Section.PERSONALIA, Section.LEGEMIDLER);
        String json = new String(SvarWriter.write(LookupOutcome.allowed(SyntheticSummaries.granted(PATIENT, granted),
                granted, "KJB-1", false, "a1b2c3")), StandardCharsets.UTF_8);

        assertThat(json).contains("\"deler\":[\"PERSONALIA\",\"LEGEMIDLER\"]", SyntheticSummaries.FAMILY_NAME,
                SyntheticSummaries.LEGEMIDDEL, "\"loggreferanse\":\"KJB-1\"");
        assertThat(json).doesNotContain("\"fastlege\"", "\"vaksiner\"", SyntheticSummaries.KRITISK);
    }

    @Test
    void anIncompleteSummaryIsSaidToBeIncompleteWithoutTheRawContent() {
        Set<Section> granted = EnumSet.allOf(Section.class);
        String complete = new String(SvarWriter.write(LookupOutcome.allowed(SyntheticSummaries.granted(PATIENT, granted),
                granted, "KJB-1", false, "a1b2c3")), StandardCharsets.UTF_8);
        String incomplete = new String(SvarWriter.write(LookupOutcome.allowed(
                SyntheticSummaries.incompleteGranted(PATIENT, granted), granted, "KJB-1", false, "a1b2c3")),
                StandardCharsets.UTF_8);

        assertThat(complete).contains("\"fullstendig\":true", "\"merknader\":[]");
        assertThat(incomplete).contains("\"fullstendig\":false", "\"kode\":\"MODUL_SPERRET\"",
                "\"seksjon\":\"KRITISK_INFORMASJON\"", "\"ressurstype\":\"DeviceUseStatement\"");
        assertThat(incomplete).doesNotContain(SyntheticSummaries.MERKNAD_INNHOLD);
    }

    @Test
    void errorDocumentMasksIdentityNumbers() {
        String json = new String(FeilWriter.write(ErrorCode.INVALID_PATIENT_ID, "not valid: " + PATIENT + " / 12861550182",
                Outcome.REFUSED, "a1b2c3", "KJB-2", PATIENT), StandardCharsets.UTF_8);

        assertThat(json).contains("\"kode\":\"INVALID_PATIENT_ID\"", "*********95", "*********82")
                .doesNotContain(PATIENT, "12861550182");
    }

    private static String withSamtykke(String tillegg) {
        return REQUEST.replace("\"tilgangsgrunnlag\"", "\"tilleggssamtykke\": " + tillegg + ", \"tilgangsgrunnlag\"");
    }

    private LookupRequest accepted(String json) {
        Translation t = translator.translate(stream(json), null, "user-token");
        assertThat(t).isInstanceOf(Translation.Accepted.class);
        return ((Translation.Accepted) t).request();
    }

    private RejectedRequest rejected(String json) {
        return rejected(translator.translate(stream(json), null, "user-token"));
    }

    private static RejectedRequest rejected(Translation t) {
        assertThat(t).isInstanceOf(Translation.Rejected.class);
        return ((Translation.Rejected) t).rejected();
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
