package no.kjernebro.auditreview.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final Instant start = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void theBackOffDoublesUpToTheCeilingAndResetsOnSuccess() {
        LoginThrottle throttle = new LoginThrottle(Duration.ofSeconds(1), Duration.ofSeconds(5),
                Clock.fixed(start, ZoneOffset.UTC));

        assertThat(throttle.waitFor("eve")).isZero();
        throttle.failed("eve");
        assertThat(throttle.waitFor("eve")).isEqualTo(Duration.ofSeconds(1));
        throttle.failed("eve");
        assertThat(throttle.waitFor("eve")).isEqualTo(Duration.ofSeconds(2));
        throttle.failed("eve");
        throttle.failed("eve");
        assertThat(throttle.waitFor("eve")).isEqualTo(Duration.ofSeconds(5));
        assertThat(throttle.waitFor("auditor")).isZero();

        throttle.succeeded("eve");
        assertThat(throttle.waitFor("eve")).isZero();
    }

    @Test
    void theBackOffEnds() {
        LoginThrottle throttle = new LoginThrottle(Duration.ofSeconds(1), Duration.ofSeconds(5),
                Clock.fixed(start, ZoneOffset.UTC));
        throttle.failed("eve");
        LoginThrottle later = throttle;

        assertThat(later.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(later.backoff(60)).isEqualTo(Duration.ofSeconds(5));
    }
}
