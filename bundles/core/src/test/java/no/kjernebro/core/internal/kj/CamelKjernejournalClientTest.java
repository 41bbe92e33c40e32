package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a fake NHN over real HTTP through camel-http. */
class CamelKjernejournalClientTest {

    private static final String FNR = "05902823095";
    private static final String TOKEN = "/connect/token";
    private static final String HI = "/v1/helseindikator";
    private static final String EVERYTHING = "/v1/fhir/Patient/$everything";
    private static final String LEGEMIDLER = "/v1/legemidler";
    private static final String USER_TOKEN = "user.token.jwt";

    private FakeNhn nhn;
    private CamelKjernejournalClient client;

    @BeforeEach
    void start() throws Exception {
        nhn = new FakeNhn()
                .answer(TOKEN, 200, "{\"access_token\":\"system-token-1\",\"token_type\":\"Bearer\",\"expires_in\":600}")
                .answer(HI, 200, MappersTest.sample("helseindikator.json").toString())
                .answer(EVERYTHING, 200, MappersTest.sample("everything.json").toString())
                .answer(LEGEMIDLER, 200, MappersTest.sample("legemidler.json").toString());
        client = startClient(nhn.baseUrl(), 600);
    }

    private static CamelKjernejournalClient startClient(String base, int responseTimeoutMs) throws Exception {
        return CamelKjernejournalClient.start(new KjernejournalSettings(base + TOKEN, base, 500, responseTimeoutMs,
                36, 60, "X-EPJ-System", "nhn:kjernejournal/api"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        client.close();
        nhn.close();
    }

    private static KjernejournalRequest request(Set<Section> sections) {
        return new KjernejournalRequest(TestTenants.alta(), NationalIdentityNumber.parse(FNR).orElseThrow(),
                AccessBasis.HPMOTTATTSAMTYKKE, sections, USER_TOKEN, "DIPS Kommune 7.1", "corr-1");
    }

    @Test
    void fetchesTheGrantedSectionsWithTheRightTokensAndHeaders() throws Exception {
        PatientSummary s = client.fetch(request(EnumSet.allOf(Section.class)));

        assertThat(s.helseindikator().status()).isEqualTo(4);
        assertThat(s.sections()).isEqualTo(EnumSet.allOf(Section.class));
        assertThat(s.personalia().familyName()).isEqualTo("Testesen");
        assertThat(s.kritiskInformasjon()).hasSize(3);
        assertThat(s.legemidler().items()).hasSize(5);

        FakeNhn.Seen token = nhn.seen(TOKEN).get(0);
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.header("Content-type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = form(token.body());
        assertThat(form).containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", "kjernebro-5601")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .containsEntry("scope", "nhn:kjernejournal/api");
        assertThat(form.get("authorization_details")).contains("NO:ORGNR:990560102");
        String assertion = form.get("client_assertion");
        assertThat(verifies(assertion)).isTrue();
        assertThat(Jwt.unverifiedClaims(assertion).orElseThrow().path("aud").asText()).isEqualTo(nhn.baseUrl() + TOKEN);

        FakeNhn.Seen hi = nhn.seen(HI).get(0);
        assertThat(hi.method()).isEqualTo("POST");
        assertThat(hi.header("Authorization")).isEqualTo("Bearer system-token-1");
        assertThat(hi.header("X-epj-system")).isEqualTo("DIPS Kommune 7.1");
        JsonNode body = new ObjectMapper().readTree(hi.body());
        assertThat(body.path("fnr").asText()).isEqualTo(FNR);
        assertThat(body.path("samtykke").asText()).isEqualTo("HPMOTTATTSAMTYKKE");
        assertThat(body.path("legemiddelFraDato").asText()).matches("\\d{4}-\\d{2}-\\d{2}");

        FakeNhn.Seen everything = nhn.seen(EVERYTHING).get(0);
        assertThat(everything.method()).isEqualTo("GET");
        assertThat(everything.header("Authorization")).isEqualTo("Bearer " + USER_TOKEN);
        assertThat(everything.header("X-kj-ticket")).isEqualTo("t-123/abc+=");
        assertThat(everything.header("X-epj-system")).isEqualTo("DIPS Kommune 7.1");

        FakeNhn.Seen legemidler = nhn.seen(LEGEMIDLER).get(0);
        assertThat(legemidler.header("Authorization")).isEqualTo("Bearer " + USER_TOKEN);
        Map<String, String> query = form(legemidler.query());
        assertThat(query).containsEntry("ticket", "t-123/abc+=").containsEntry("utvidet-oppslag", "true");
        assertThat(query.get("fra")).matches("\\d{4}-\\d{2}-\\d{2}T00:00Z");

        // the identity number never travels in a URL
        assertThat(nhn.seen).allSatisfy(seen -> assertThat(String.valueOf(seen.query()) + seen.path()).doesNotContain(FNR));
    }

    @Test
    void returnsOnlyGrantedSectionsAndSkipsUnneededCalls() throws Exception {
        PatientSummary s = client.fetch(request(Set.of(Section.LEGEMIDLER)));
        assertThat(s.sections()).containsExactly(Section.LEGEMIDLER);
        assertThat(s.personalia()).isNull();
        assertThat(nhn.seen(EVERYTHING)).isEmpty();

        PatientSummary p = client.fetch(request(Set.of(Section.PERSONALIA, Section.FASTLEGE)));
        assertThat(p.sections()).containsExactlyInAnyOrder(Section.PERSONALIA, Section.FASTLEGE);
        assertThat(p.kritiskInformasjon()).isEmpty();
        assertThat(p.legemidler()).isNull();
        assertThat(nhn.seen(LEGEMIDLER)).hasSize(1);
    }

    @Test
    void cachesTheSystemTokenPerTenant() throws Exception {
        client.fetch(request(Set.of(Section.PERSONALIA)));
        client.fetch(request(Set.of(Section.PERSONALIA)));
        assertThat(nhn.seen(TOKEN)).hasSize(1);
        assertThat(nhn.seen(HI)).hasSize(2);
    }

    @Test
    void aPatientWithoutKjernejournalGetsTheIndicatorOnly() throws Exception {
        nhn.answer(HI, 200, "{\"status\":1,\"returTekst\":\"Pasienten har ikke kjernejournal\"}");
        PatientSummary s = client.fetch(request(EnumSet.allOf(Section.class)));
        assertThat(s.helseindikator().status()).isEqualTo(1);
        assertThat(s.sections()).isEmpty();
        assertThat(nhn.seen(EVERYTHING)).isEmpty();
        assertThat(nhn.seen(LEGEMIDLER)).isEmpty();
    }

    @Test
    void aPatientWhoBlockedPersonnelSharesNothing() {
        nhn.answer(HI, 200, "{\"status\":4,\"ticket\":\"t\",\"eksistererBlokkertHelsepersonell\":true}");
        assertFails(ErrorCode.PATIENT_BLOCKED_PERSONNEL);
        assertThat(nhn.seen(EVERYTHING)).isEmpty();
    }

    @Test
    void forbiddenOnEverythingMeansBlocked() {
        nhn.answer(EVERYTHING, 403, "{\"resourceType\":\"OperationOutcome\"}");
        assertFails(ErrorCode.PATIENT_BLOCKED_PERSONNEL);
    }

    @Test
    void statusCodesMapToErrorCodes() {
        nhn.answer(EVERYTHING, 404, "{\"resourceType\":\"OperationOutcome\"}");
        assertFails(ErrorCode.KJERNEJOURNAL_REJECTED);
        nhn.answer(LEGEMIDLER, 500, "{}").answer(EVERYTHING, 200, "{\"resourceType\":\"Bundle\"}");
        assertFails(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
        nhn.answer(HI, 503, "{}");
        assertFails(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
        nhn.answer(HI, 200, "not json");
        assertFails(ErrorCode.KJERNEJOURNAL_REJECTED);
    }

    @Test
    void aRefusedTokenRequestIsRejected() {
        nhn.answer(TOKEN, 400, "{\"error\":\"invalid_client\",\"error_description\":\"bad signature\"}");
        KjernejournalException e = assertFails(ErrorCode.KJERNEJOURNAL_REJECTED);
        assertThat(e.getMessage()).contains("invalid_client");
        nhn.answer(TOKEN, 401, "{\"error\":\"invalid_client\"}");
        assertFails(ErrorCode.KJERNEJOURNAL_REJECTED);
        assertThat(nhn.seen(HI)).isEmpty();
    }

    @Test
    void aSystemTokenRefusedByKjernejournalIsRenewedOnce() throws Exception {
        nhn.answer(HI, 401, "{\"error\":\"invalid_token\"}");
        assertFails(ErrorCode.KJERNEJOURNAL_REJECTED);
        assertThat(nhn.seen(TOKEN)).hasSize(2);
        assertThat(nhn.seen(HI)).hasSize(2);
    }

    @Test
    void aServerThatNeverAnswersIsUnavailableAfterTheTimeout() {
        nhn.hang(HI);
        assertFails(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (CamelKjernejournalClient down = startClient("http://127.0.0.1:" + port, 600)) {
            assertThatThrownBy(() -> down.fetch(request(Set.of(Section.PERSONALIA))))
                    .isInstanceOfSatisfying(KjernejournalException.class,
                            e -> assertThat(e.error()).isEqualTo(ErrorCode.KJERNEJOURNAL_UNAVAILABLE));
        }
    }

    private KjernejournalException assertFails(ErrorCode expected) {
        try {
            client.fetch(request(EnumSet.allOf(Section.class)));
        } catch (KjernejournalException e) {
            assertThat(e.error()).as(e.getMessage()).isEqualTo(expected);
            assertThat(e.getMessage()).doesNotContain(FNR);
            return e;
        }
        throw new AssertionError("expected " + expected);
    }

    private static boolean verifies(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(TestTenants.KEYS.getPublic());
        v.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return v.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> out = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
