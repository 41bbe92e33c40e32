package no.kjernebro.core.internal.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Profession;
import no.kjernebro.core.internal.helseid.TestIssuer;
import org.junit.jupiter.api.Test;

class UserTokenCheckTest {

    private static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");
    private static final Actor NURSE = new Actor.HealthPersonnel("9100002", "Siv Testsykepleier", Profession.SP);
    private static final Actor CASE_WORKER = new Actor.CaseWorker("hid-sb-5601-0001", "Sara Testsaksbehandler", "SAKSBEHANDLER");

    private final UserTokenCheck check = new UserTokenCheck(TestIssuer.verifier(Clock.fixed(NOW, ZoneOffset.UTC)));

    private static String token(String subject, String hpr) {
        return TestIssuer.sign(TestIssuer.claims(NOW, subject, hpr));
    }

    @Test
    void aValidTokenOfTheNamedUserPasses() {
        assertThat(check.check(NURSE, token("hid-x", "9100002"))).isEmpty();
        assertThat(check.check(CASE_WORKER, token("hid-sb-5601-0001", null))).isEmpty();
    }

    @Test
    void anotherHealthWorkersTokenIsAMismatch() {
        Optional<Verdict> v = check.check(NURSE, token("hid-x", "9100001"));
        assertThat(v).get().satisfies(verdict -> {
            assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(verdict.error()).isEqualTo(ErrorCode.USER_TOKEN_MISMATCH);
            assertThat(verdict.message()).contains("9100001", "9100002");
        });
    }

    @Test
    void aTokenWithoutHprNumberIsAMismatchForAHealthWorker() {
        assertThat(check.check(NURSE, token("hid-sb-5601-0001", null))).get()
                .satisfies(v -> {
                    assertThat(v.error()).isEqualTo(ErrorCode.USER_TOKEN_MISMATCH);
                    assertThat(v.message()).contains("no HPR number");
                });
    }

    @Test
    void aCaseWorkerMustBeTheTokensSubject() {
        assertThat(check.check(CASE_WORKER, token("hid-sb-5601-0002", null))).get()
                .extracting(Verdict::error).isEqualTo(ErrorCode.USER_TOKEN_MISMATCH);
    }

    @Test
    void anUnverifiableTokenIsInvalidBeforeItsClaimsAreLookedAt() {
        String[] parts = token("hid-x", "9100002").split("\\.");
        String wrongSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA" + parts[2].substring(14);
        assertThat(check.check(NURSE, wrongSignature)).get().satisfies(v -> {
            assertThat(v.error()).isEqualTo(ErrorCode.USER_TOKEN_INVALID);
            assertThat(v.message()).contains("signature");
        });
        assertThat(check.check(NURSE, " ")).get().extracting(Verdict::error).isEqualTo(ErrorCode.MISSING_USER_TOKEN);
    }
}
