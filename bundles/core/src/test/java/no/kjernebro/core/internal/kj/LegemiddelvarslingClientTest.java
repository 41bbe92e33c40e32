package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Legemiddelvarsling call accepts from kjernejournal, over real HTTP. */
class LegemiddelvarslingClientTest {

    private static final String PATH = "/v2/varsling";
    private static final String A = "05902823095";
    private static final String B = "21874614847";
    private static final String NESTE = "2026-11-25T10:00:00+01:00";

    private Harness h;

    @BeforeEach
    void start() throws Exception {
        h = Harness.start(Map.of("legemiddelvarsling.path", "v2/varsling", "legemiddelvarsling.maxBatchSize", "2"));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static String entry(String fnr, Object kj, Object ny, String neste) {
        return "{\"fnr\":\"" + fnr + "\",\"harKjernejournal\":" + kj + ",\"nyLegemiddelinformasjon\":" + ny
                + (neste == null ? "" : ",\"nesteSjekk\":\"" + neste + "\"") + "}";
    }

    @Test
    void answersAreMatchedByNumberNotPosition() throws Exception {
        h.nhn.answer(PATH, 200, "{\"pasienter\":[" + entry(B, true, false, NESTE) + "," + entry(A, true, true, NESTE) + "]}");
        List<VarslingSvar> svar = h.client.sjekk(TestTenants.alta(),
                List.of(new PasientSjekk(A, null), new PasientSjekk(B, null)), "Kjernebro/x", "c");
        assertThat(svar).containsExactly(new VarslingSvar(A, true, true, OffsetDateTime.parse(NESTE)),
                new VarslingSvar(B, true, false, OffsetDateTime.parse(NESTE)));
        assertThat(h.client.maxBatchSize()).isEqualTo(2);
        assertThat(h.nhn.seen(PATH).get(0).query()).isNull();
    }

    @Test
    void anAnswerThatLeavesOutAPatientOrIsMalformedIsRejected() {
        for (String body : new String[] {
                "{\"pasienter\":[" + entry(A, true, true, NESTE) + "]}",
                "{\"pasienter\":[" + entry(A, "\"ja\"", true, NESTE) + "," + entry(B, true, true, NESTE) + "]}",
                "{\"pasienter\":[" + entry(A, true, true, "i morgen") + "," + entry(B, true, true, NESTE) + "]}",
                "{\"pasienter\":{}}",
                "[]"}) {
            h.nhn.answer(PATH, 200, body);
            assertThatThrownBy(() -> h.client.sjekk(TestTenants.alta(),
                    List.of(new PasientSjekk(A, null), new PasientSjekk(B, null)), "Kjernebro/x", null))
                    .as(body)
                    .isInstanceOfSatisfying(KjernejournalException.class, e -> {
                        assertThat(e.error()).isEqualTo(ErrorCode.KJERNEJOURNAL_REJECTED);
                        assertThat(e.getMessage()).doesNotContain(A).doesNotContain(B);
                    });
        }
    }

    @Test
    void aMissingNextTimestampIsAccepted() throws Exception {
        h.nhn.answer(PATH, 200, "{\"pasienter\":[" + entry(A, false, false, null) + "]}");
        assertThat(h.client.sjekk(TestTenants.alta(), List.of(new PasientSjekk(A, null)), "x", null))
                .containsExactly(new VarslingSvar(A, false, false, null));
    }

    @Test
    void aRefusedRequestIsRejectedWithTheOauthError() {
        h.nhn.answer(PATH, 400, "{\"error\":\"invalid_request\",\"error_description\":\"bad fnr 05902823095\"}");
        assertThatThrownBy(() -> h.client.sjekk(TestTenants.alta(), List.of(new PasientSjekk(A, null)), "x", null))
                .isInstanceOfSatisfying(KjernejournalException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.KJERNEJOURNAL_REJECTED);
                    assertThat(e.getMessage()).contains("invalid_request").doesNotContain(A);
                });
    }
}
