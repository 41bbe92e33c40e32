package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Legemiddelvarsling call against a fake NHN over real HTTP through camel-http. */
class LegemiddelvarslingClientTest {

    private static final String TOKEN = "/connect/token";
    private static final String PATH = "/v2/varsling";
    private static final String A = "05902823095";
    private static final String B = "21874614847";
    private static final OffsetDateTime SIST = OffsetDateTime.parse("2026-11-24T10:00:00+01:00");
    private static final String NESTE = "2026-11-25T10:00:00+01:00";

    private FakeNhn nhn;
    private CamelKjernejournalClient client;

    @BeforeEach
    void start() throws Exception {
        nhn = new FakeNhn()
                .answer(TOKEN, 200, "{\"access_token\":\"system-token-1\",\"token_type\":\"Bearer\",\"expires_in\":600}");
        client = CamelKjernejournalClient.start(new KjernejournalSettings(nhn.baseUrl() + TOKEN, nhn.baseUrl(), 500,
                600, 36, 60, "X-EPJ-System", "nhn:kjernejournal/api", "v2/varsling", 2), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        client.close();
        nhn.close();
    }

    @Test
    void sendsTheBatchInTheBodyWithTheSystemTokenAndMatchesAnswersByNumber() throws Exception {
        // answered in another order than asked
        nhn.answer(PATH, 200, "{\"pasienter\":["
                + "{\"fnr\":\"" + B + "\",\"harKjernejournal\":true,\"nyLegemiddelinformasjon\":false,\"nesteSjekk\":\"" + NESTE + "\"},"
                + "{\"fnr\":\"" + A + "\",\"harKjernejournal\":true,\"nyLegemiddelinformasjon\":true,\"nesteSjekk\":\"" + NESTE + "\"}]}");

        List<VarslingSvar> svar = client.sjekk(TestTenants.alta(), List.of(new PasientSjekk(A, SIST), new PasientSjekk(B, null)),
                "Kjernebro/hjemmetjeneste-json", "sweep-1/1");

        assertThat(svar).containsExactly(new VarslingSvar(A, true, true, OffsetDateTime.parse(NESTE)),
                new VarslingSvar(B, true, false, OffsetDateTime.parse(NESTE)));
        FakeNhn.Seen seen = nhn.seen(PATH).get(0);
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.header("Authorization")).isEqualTo("Bearer system-token-1");
        assertThat(seen.header("X-epj-system")).isEqualTo("Kjernebro/hjemmetjeneste-json");
        assertThat(seen.header("X-correlation-id")).isEqualTo("sweep-1/1");
        JsonNode body = new ObjectMapper().readTree(seen.body());
        assertThat(body.at("/pasienter/0/fnr").asText()).isEqualTo(A);
        assertThat(body.at("/pasienter/0/sistSjekket").asText()).isEqualTo("2026-11-24T10:00:00+01:00");
        assertThat(body.at("/pasienter/1/fnr").asText()).isEqualTo(B);
        assertThat(body.at("/pasienter/1").has("sistSjekket")).isFalse();
        assertThat(seen.query()).isNull();
        assertThat(client.maxBatchSize()).isEqualTo(2);
    }

    @Test
    void serverErrorsAreUnavailableAndOtherRefusalsRejected() {
        nhn.answer(PATH, 503, "{\"error\":\"temporarily_unavailable\"}");
        assertError(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);

        nhn.answer(PATH, 400, "{\"error\":\"invalid_request\"}");
        assertError(ErrorCode.KJERNEJOURNAL_REJECTED);
    }

    @Test
    void anAnswerThatLeavesOutAPatientOrIsMalformedIsRejected() {
        nhn.answer(PATH, 200, "{\"pasienter\":[{\"fnr\":\"" + A + "\",\"harKjernejournal\":true,\"nyLegemiddelinformasjon\":true}]}");
        assertError(ErrorCode.KJERNEJOURNAL_REJECTED);

        nhn.answer(PATH, 200, "{\"pasienter\":[{\"fnr\":\"" + A + "\",\"harKjernejournal\":\"ja\"}]}");
        assertError(ErrorCode.KJERNEJOURNAL_REJECTED);

        nhn.answer(PATH, 200, "<html>");
        assertError(ErrorCode.KJERNEJOURNAL_REJECTED);
    }

    @Test
    void anUnreachableServiceIsUnavailable() {
        nhn.hang(PATH);
        assertError(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
    }

    @Test
    void aBatchLargerThanConfiguredIsNotSent() {
        assertThatThrownBy(() -> client.sjekk(TestTenants.alta(), List.of(new PasientSjekk(A, null),
                new PasientSjekk(B, null), new PasientSjekk(A, null)), "Kjernebro/x", null))
                .isInstanceOfSatisfying(KjernejournalException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.INVALID_REQUEST));
        assertThat(nhn.seen(PATH)).isEmpty();
    }

    private void assertError(ErrorCode code) {
        assertThatThrownBy(() -> client.sjekk(TestTenants.alta(), List.of(new PasientSjekk(A, null), new PasientSjekk(B, null)),
                "Kjernebro/x", null))
                .isInstanceOfSatisfying(KjernejournalException.class, e -> {
                    assertThat(e.error()).isEqualTo(code);
                    assertThat(e.getMessage()).doesNotContain(A).doesNotContain(B);
                });
    }
}
