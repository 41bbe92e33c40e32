package no.kjernebro.adapter.sykehjemxml.internal.xml;

import static no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures.CASE_WORKER_REQUEST;
import static no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures.NURSE_REQUEST;
import static no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures.PATIENT;
import static no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OppslagTranslatorTest {

    private static final String MESSAGE_ID = "7d0c5c1e-2f4b-4d7a-9a57-0b7f3c1e9a01";

    private final OppslagTranslator translator = new OppslagTranslator(64 * 1024, () -> "generated-1");

    @Test
    void nurseRequestBecomesTheExactLookupRequest() {
        Translation t = translator.translate(stream(NURSE_REQUEST), null, null, "user-token-1");

        assertThat(t).isEqualTo(new Translation.Accepted(new LookupRequest(
                new Requester("5601", "990560102", "Alta sykehjem, avdeling Elvebakken"),
                new Actor.HealthPersonnel("9100002", "Siv Testsykepleier", Profession.SP),
                ServiceContext.SYKEHJEM_LANGTID,
                PATIENT,
                AccessBasis.HPMOTTATTSAMTYKKE,
                EnumSet.of(Section.LEGEMIDLER, Section.KRITISK_INFORMASJON),
                new SourceSystem("Omsorgsjournal", "4.2.1"),
                "sykehjem-xml",
                "user-token-1",
                MESSAGE_ID)));
    }

    @Test
    void caseWorkerRequestWithoutOptionalElementsBecomesTheExactLookupRequest() {
        Translation t = translator.translate(stream(CASE_WORKER_REQUEST), null, null, "  ");

        assertThat(t).isEqualTo(new Translation.Accepted(new LookupRequest(
                new Requester("5601", "990560102", "Tildelingskontoret"),
                new Actor.CaseWorker("hid-sb-5601-0001", "Sara Testsaksbehandler", "SAKSBEHANDLER"),
                ServiceContext.SYKEHJEM_KORTTID,
                PATIENT,
                AccessBasis.HPUNNTAK,
                Set.of(),
                new SourceSystem("Omsorgsjournal", null),
                "sykehjem-xml",
                null,
                "generated-1")));
    }

    @ParameterizedTest
    @CsvSource({
        "LANGTID, SYKEHJEM_LANGTID",
        "KORTTID, SYKEHJEM_KORTTID",
        "KAD, KAD_OHD",
        "OHD, KAD_OHD",
        "INSTITUSJON, OMSORGSINSTITUSJON"})
    void tjenestestedCodesMapToServiceContexts(String code, ServiceContext expected) {
        Translation t = translate(NURSE_REQUEST.replace("<Tjenestested>LANGTID<", "<Tjenestested>" + code + "<"));

        assertThat(((Translation.Accepted) t).request().serviceContext()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"HPMOTTATTSAMTYKKE", "HPAKUTT", "HPUNNTAK"})
    void everyAccessBasisIsRead(AccessBasis basis) {
        Translation t = translate(NURSE_REQUEST.replace("HPMOTTATTSAMTYKKE", basis.name()));

        assertThat(((Translation.Accepted) t).request().accessBasis()).isEqualTo(basis);
    }

    @Test
    void identityNumberIsPassedOnUncheckedForCoreToJudge() {
        Translation t = translate(NURSE_REQUEST.replace(PATIENT, "05902823096"));

        assertThat(((Translation.Accepted) t).request().patientId()).isEqualTo("05902823096");
    }

    @Test
    void charsetFromContentTypeIsHonoured() {
        String latin1 = NURSE_REQUEST.replace(" encoding=\"UTF-8\"", "")
                .replace("avdeling Elvebakken", "avdeling Ørnereiret");
        Translation t = translator.translate(new java.io.ByteArrayInputStream(latin1.getBytes(StandardCharsets.ISO_8859_1)),
                null, "ISO-8859-1", null);

        assertThat(((Translation.Accepted) t).request().requester().unit()).isEqualTo("Alta sykehjem, avdeling Ørnereiret");
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of(NURSE_REQUEST.replace("<Fodselsnummer>05902823095</Fodselsnummer>", ""),
                        ErrorCode.INVALID_REQUEST, "missing element Pasient/Fodselsnummer"),
                Arguments.of(NURSE_REQUEST.replaceAll("(?s)<Pasient>.*</Pasient>", ""),
                        ErrorCode.INVALID_REQUEST, "missing element Pasient"),
                Arguments.of(NURSE_REQUEST.replace("<Kommunenummer>5601<", "<Kommunenummer> <"),
                        ErrorCode.INVALID_REQUEST, "element Avsender/Kommunenummer is empty"),
                Arguments.of(NURSE_REQUEST.replace("<Kommunenummer>5601<", "<Kommunenummer>56O1<"),
                        ErrorCode.INVALID_REQUEST, "element Avsender/Kommunenummer must be 4 digits"),
                Arguments.of(NURSE_REQUEST.replace("990560102", "99056010"),
                        ErrorCode.INVALID_REQUEST, "element Avsender/Organisasjonsnummer must be 9 digits"),
                Arguments.of(NURSE_REQUEST.replaceAll("<Enhet>.*</Enhet>", ""),
                        ErrorCode.INVALID_REQUEST, "missing element Avsender/Enhet"),
                Arguments.of(NURSE_REQUEST.replace("avdeling Elvebakken", "x".repeat(201)),
                        ErrorCode.INVALID_REQUEST, "element Avsender/Enhet is longer than 200 characters"),
                Arguments.of(NURSE_REQUEST.replaceAll("(?s)<System>.*</System>", ""),
                        ErrorCode.INVALID_REQUEST, "missing element Avsender/System"),
                Arguments.of(NURSE_REQUEST.replaceAll("(?s)<Bruker>.*</Bruker>", ""),
                        ErrorCode.INVALID_REQUEST, "missing element Bruker or Saksbehandler"),
                Arguments.of(NURSE_REQUEST.replace("<Pasient>", "<Saksbehandler/><Pasient>"),
                        ErrorCode.INVALID_REQUEST, "only one of Bruker and Saksbehandler may be given"),
                Arguments.of(NURSE_REQUEST.replace("<HprNummer>9100002<", "<HprNummer>HPR9100002<"),
                        ErrorCode.INVALID_REQUEST, "element Bruker/HprNummer must be digits only"),
                Arguments.of(NURSE_REQUEST.replaceAll("<Navn>Siv Testsykepleier</Navn>", ""),
                        ErrorCode.INVALID_REQUEST, "missing element Bruker/Navn"),
                Arguments.of(NURSE_REQUEST.replace(">SP<", ">XX<"),
                        ErrorCode.UNKNOWN_PROFESSION, "unknown Bruker/Helsepersonellkategori 'XX'; "
                                + "expected an HPR profession code such as LE, SP, VP, FA1, FA2 or HF"),
                Arguments.of(NURSE_REQUEST.replace(">SP<", ">sp<"),
                        ErrorCode.UNKNOWN_PROFESSION, "unknown Bruker/Helsepersonellkategori 'sp'; "
                                + "expected an HPR profession code such as LE, SP, VP, FA1, FA2 or HF"),
                Arguments.of(NURSE_REQUEST.replace(">LANGTID<", ">SYKEHJEM_LANGTID<"),
                        ErrorCode.UNKNOWN_SERVICE_CONTEXT, "unknown Tjenestested 'SYKEHJEM_LANGTID'; "
                                + "expected one of LANGTID, KORTTID, KAD, OHD, INSTITUSJON"),
                Arguments.of(NURSE_REQUEST.replace(">HPMOTTATTSAMTYKKE<", ">SAMTYKKE<"),
                        ErrorCode.UNKNOWN_ACCESS_BASIS, "unknown Tilgangsgrunnlag 'SAMTYKKE'; "
                                + "expected HPMOTTATTSAMTYKKE, HPAKUTT or HPUNNTAK"),
                Arguments.of(NURSE_REQUEST.replace("<Tilgangsgrunnlag>", "<Tilgangsgrunnlag>HPAKUTT</Tilgangsgrunnlag><Tilgangsgrunnlag>"),
                        ErrorCode.INVALID_REQUEST, "element Tilgangsgrunnlag appears more than once"),
                Arguments.of(NURSE_REQUEST.replace("<Del>LEGEMIDLER</Del>", "<Del>ALT</Del>"),
                        ErrorCode.INVALID_REQUEST, "unknown OnsketInnhold/Del 'ALT'; expected one of PERSONALIA, "
                                + "FASTLEGE, PAARORENDE, LEGEMIDLER, KRITISK_INFORMASJON, VAKSINER, BESOKSHISTORIKK, "
                                + "EGNE_REGISTRERINGER"),
                Arguments.of(withSamtykke("<SperretKritiskInfo>ja</SperretKritiskInfo>"),
                        ErrorCode.INVALID_REQUEST, "element Tilleggssamtykke/SperretKritiskInfo must be true or false"),
                Arguments.of(withSamtykke("<SperretLegemidler>1</SperretLegemidler>"),
                        ErrorCode.INVALID_REQUEST, "element Tilleggssamtykke/SperretLegemidler must be true or false"),
                Arguments.of(withSamtykke("<LasteResepter>TRUE</LasteResepter>"),
                        ErrorCode.INVALID_REQUEST, "element Tilleggssamtykke/LasteResepter must be true or false"),
                Arguments.of(withSamtykke("<LasteResepter> </LasteResepter>"),
                        ErrorCode.INVALID_REQUEST, "element Tilleggssamtykke/LasteResepter is empty"),
                Arguments.of(withSamtykke("<LasteResepter><Ja/></LasteResepter>"),
                        ErrorCode.INVALID_REQUEST, "element Tilleggssamtykke/LasteResepter must contain text only"),
                Arguments.of(withSamtykke("<LasteResepter>true</LasteResepter><LasteResepter>false</LasteResepter>"),
                        ErrorCode.INVALID_REQUEST, "element Tilleggssamtykke/LasteResepter appears more than once"),
                Arguments.of(NURSE_REQUEST.replace(MESSAGE_ID, "melding nr 7"),
                        ErrorCode.INVALID_REQUEST, "element MeldingsId must be 1 to 100 letters, digits or '.', '_', ':', '-'"),
                Arguments.of(NURSE_REQUEST.replace("<Tjenestested>LANGTID</Tjenestested>",
                                "<x:Tjenestested xmlns:x=\"urn:other\">LANGTID</x:Tjenestested>"),
                        ErrorCode.INVALID_REQUEST, "missing element Tjenestested"),
                Arguments.of(NURSE_REQUEST.replace("oppslag:v1", "oppslag:v2"),
                        ErrorCode.INVALID_REQUEST, "the root element must be KjernejournalOppslag in namespace "
                                + "urn:no:kjernebro:epj:sykehjem:oppslag:v1, found KjernejournalOppslag in namespace "
                                + "urn:no:kjernebro:epj:sykehjem:oppslag:v2"),
                Arguments.of(NURSE_REQUEST.replace(" xmlns=\"urn:no:kjernebro:epj:sykehjem:oppslag:v1\"", ""),
                        ErrorCode.INVALID_REQUEST, "the root element must be KjernejournalOppslag in namespace "
                                + "urn:no:kjernebro:epj:sykehjem:oppslag:v1, found KjernejournalOppslag without namespace"),
                Arguments.of(NURSE_REQUEST.replace("KjernejournalOppslag", "KjernejournalSvar"),
                        ErrorCode.INVALID_REQUEST, "the root element must be KjernejournalOppslag in namespace "
                                + "urn:no:kjernebro:epj:sykehjem:oppslag:v1, found KjernejournalSvar in namespace "
                                + "urn:no:kjernebro:epj:sykehjem:oppslag:v1"),
                Arguments.of("", ErrorCode.MALFORMED_MESSAGE, "the message body is empty"),
                Arguments.of("fnr=05902823095", ErrorCode.MALFORMED_MESSAGE,
                        "the message is not well-formed XML (line 1, column 1)"),
                Arguments.of(NURSE_REQUEST.substring(0, NURSE_REQUEST.indexOf("<Pasient>")), ErrorCode.MALFORMED_MESSAGE,
                        "the message is not well-formed XML (line 18, column 3)"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidRequestIsRejectedWithACodeAndAMessageNamingTheElement(String xml, ErrorCode code, String message) {
        RejectedRequest rejected = rejected(translate(xml));

        assertThat(rejected.error()).isEqualTo(code);
        assertThat(rejected.message()).isEqualTo(message);
        assertThat(rejected.adapterId()).isEqualTo("sykehjem-xml");
    }

    @ParameterizedTest
    @CsvSource({
            "true, false, false",
            "false, true, false",
            "false, false, true",
            "true, true, true",
            "false, false, false"})
    void additionalConsentsAreTranslatedIntoSamtykker(boolean kritiskInfo, boolean legemidler, boolean lasteResepter) {
        LookupRequest request = accepted(translate(withSamtykke(
                "<SperretKritiskInfo>" + kritiskInfo + "</SperretKritiskInfo>"
                        + "<SperretLegemidler> " + legemidler + " </SperretLegemidler>"
                        + "<LasteResepter>" + lasteResepter + "</LasteResepter>")));

        assertThat(request.samtykker()).isEqualTo(new Samtykker(kritiskInfo, legemidler, lasteResepter));
    }

    @Test
    void anAbsentConsentIsNotGiven() {
        assertThat(accepted(translate(NURSE_REQUEST)).samtykker()).isEqualTo(Samtykker.INGEN);
        assertThat(accepted(translate(withSamtykke(""))).samtykker()).isEqualTo(Samtykker.INGEN);
        assertThat(accepted(translate(withSamtykke("<LasteResepter>true</LasteResepter>"))).samtykker())
                .isEqualTo(new Samtykker(false, false, true));
    }

    @Test
    void malformedConsentRejectionStillNamesThePatientForTheAudit() {
        RejectedRequest rejected = rejected(translate(withSamtykke("<SperretKritiskInfo>ja</SperretKritiskInfo>")));

        assertThat(rejected).isEqualTo(new RejectedRequest("5601", "sykehjem-xml", PATIENT, "9100002", "SP",
                "LANGTID", "HPMOTTATTSAMTYKKE", "Omsorgsjournal 4.2.1", MESSAGE_ID, ErrorCode.INVALID_REQUEST,
                "element Tilleggssamtykke/SperretKritiskInfo must be true or false"));
    }

    @Test
    void unknownCodeRejectionCarriesEveryReadableFieldAsSent() {
        RejectedRequest rejected = rejected(translate(NURSE_REQUEST.replace(">SP<", ">XX<")));

        assertThat(rejected).isEqualTo(new RejectedRequest("5601", "sykehjem-xml", PATIENT, "9100002", "XX",
                "LANGTID", "HPMOTTATTSAMTYKKE", "Omsorgsjournal 4.2.1", MESSAGE_ID, ErrorCode.UNKNOWN_PROFESSION,
                "unknown Bruker/Helsepersonellkategori 'XX'; expected an HPR profession code such as LE, SP, VP, "
                        + "FA1, FA2 or HF"));
    }

    @Test
    void fieldsAfterTheFirstProblemAreStillCarried() {
        RejectedRequest rejected = rejected(translate(
                NURSE_REQUEST.replace("<Kommunenummer>5601<", "<Kommunenummer>alta<").replace(">LANGTID<", ">HJEMME<")));

        assertThat(rejected).isEqualTo(new RejectedRequest("alta", "sykehjem-xml", PATIENT, "9100002", "SP",
                "HJEMME", "HPMOTTATTSAMTYKKE", "Omsorgsjournal 4.2.1", MESSAGE_ID, ErrorCode.INVALID_REQUEST,
                "element Avsender/Kommunenummer must be 4 digits"));
    }

    @Test
    void caseWorkerRejectionCarriesSubjectAndNoRole() {
        RejectedRequest rejected = rejected(translate(CASE_WORKER_REQUEST.replace("<Rolle>SAKSBEHANDLER</Rolle>", "")));

        assertThat(rejected).isEqualTo(new RejectedRequest("5601", "sykehjem-xml", PATIENT, "hid-sb-5601-0001",
                null, "KORTTID", "HPUNNTAK", "Omsorgsjournal", "generated-1", ErrorCode.INVALID_REQUEST,
                "missing element Saksbehandler/Rolle"));
    }

    @Test
    void unusableMessageIdIsReplacedByAGeneratedCorrelationId() {
        RejectedRequest rejected = rejected(translate(NURSE_REQUEST.replace(MESSAGE_ID, "id\twith tab")));

        assertThat(rejected.correlationId()).isEqualTo("generated-1");
        assertThat(rejected.patientId()).isEqualTo(PATIENT);
    }

    @Test
    void unreadableMessageIsRejectedWithNothingButTheAdapterAndACorrelationId() {
        RejectedRequest rejected = rejected(translate("<KjernejournalOppslag"));

        assertThat(rejected).isEqualTo(new RejectedRequest(null, "sykehjem-xml", null, null, null, null, null, null,
                "generated-1", ErrorCode.MALFORMED_MESSAGE, "the message is not well-formed XML (line 1, column 22)"));
    }

    @Test
    void defaultTranslatorGeneratesUuidCorrelationIds() {
        Translation t = new OppslagTranslator(1024).translate(stream(CASE_WORKER_REQUEST), null, null, null);

        assertThat(t.correlationId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    /** The nurse's request with a Tilleggssamtykke holding {@code children}, where the schema puts it. */
    static String withSamtykke(String children) {
        return NURSE_REQUEST.replace("<OnsketInnhold>", "<Tilleggssamtykke>" + children + "</Tilleggssamtykke>\n  <OnsketInnhold>");
    }

    private static LookupRequest accepted(Translation t) {
        assertThat(t).as("%s", t).isInstanceOf(Translation.Accepted.class);
        return ((Translation.Accepted) t).request();
    }

    private Translation translate(String xml) {
        return translator.translate(stream(xml), null, null, null);
    }

    static RejectedRequest rejected(Translation t) {
        assertThat(t).isInstanceOf(Translation.Rejected.class);
        return ((Translation.Rejected) t).rejected();
    }
}
