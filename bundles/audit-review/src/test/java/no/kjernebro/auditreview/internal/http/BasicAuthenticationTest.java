package no.kjernebro.auditreview.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.kjernebro.auditreview.internal.access.Auditor;
import no.kjernebro.auditreview.internal.access.Authenticator;
import no.kjernebro.auditreview.internal.access.LoginThrottle;
import org.junit.jupiter.api.Test;

class BasicAuthenticationTest {

    /** Users: auditor/auditor (role auditor), admin/admin (role admin). */
    static final class TwoUsers implements Authenticator {
        final List<String> attempts = new ArrayList<>();

        @Override
        public Optional<Auditor> authenticate(String user, char[] password) {
            attempts.add(user);
            String pw = new String(password);
            if (user.equals("auditor") && pw.equals("auditor")) {
                return Optional.of(new Auditor(user, Set.of("auditor", "viewer")));
            }
            if (user.equals("admin") && pw.equals("admin")) {
                return Optional.of(new Auditor(user, Set.of("admin")));
            }
            return Optional.empty();
        }
    }

    private final MutableClock clock = new MutableClock();
    private final TwoUsers users = new TwoUsers();
    private final BasicAuthentication auth = new BasicAuthentication(users,
            new LoginThrottle(Duration.ofSeconds(1), Duration.ofSeconds(30), clock), "auditor");

    static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertStatus(Runnable call, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status()).isEqualTo(status);
            if (status == 401) {
                assertThat(p.headers()).containsEntry("WWW-Authenticate", "Basic realm=\"kjernebro-audit\"");
            }
        });
    }

    @Test
    void anAuditorGetsIn() {
        Auditor auditor = auth.authenticate(basic("auditor:auditor"));

        assertThat(auditor.name()).isEqualTo("auditor");
        assertThat(auditor.roles()).contains("auditor");
    }

    @Test
    void missingOrMalformedCredentialsAre401WithAChallenge() {
        assertStatus(() -> auth.authenticate(null), 401);
        assertStatus(() -> auth.authenticate("Bearer abc"), 401);
        assertStatus(() -> auth.authenticate("Basic !!!notbase64"), 401);
        assertStatus(() -> auth.authenticate(basic("no-colon")), 401);
        assertStatus(() -> auth.authenticate(basic(":password")), 401);
        assertThat(users.attempts).isEmpty();
    }

    @Test
    void aWrongPasswordIs401() {
        assertStatus(() -> auth.authenticate(basic("auditor:wrong")), 401);
    }

    @Test
    void aUserWithoutTheAuditorRoleIs403() {
        assertStatus(() -> auth.authenticate(basic("admin:admin")), 403);
    }

    @Test
    void passwordsMayContainColons() {
        Authenticator colon = (user, password) -> new String(password).equals("a:b")
                ? Optional.of(new Auditor(user, Set.of("auditor"))) : Optional.empty();
        BasicAuthentication a = new BasicAuthentication(colon,
                new LoginThrottle(Duration.ofSeconds(1), Duration.ofSeconds(30), clock), "auditor");

        assertThat(a.authenticate(basic("auditor:a:b")).name()).isEqualTo("auditor");
    }

    @Test
    void failedLoginsBackOffPerUserAndDoNotReachTheRealmMeanwhile() {
        assertStatus(() -> auth.authenticate(basic("auditor:wrong")), 401);
        assertThatThrownBy(() -> auth.authenticate(basic("auditor:auditor")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(429);
                    assertThat(p.headers()).containsEntry("Retry-After", "1");
                });
        assertThat(users.attempts).containsExactly("auditor");

        // another user is not held back
        assertStatus(() -> auth.authenticate(basic("admin:admin")), 403);

        clock.advance(Duration.ofMillis(1001));
        assertThat(auth.authenticate(basic("auditor:auditor")).name()).isEqualTo("auditor");
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
