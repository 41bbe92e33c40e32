package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final TestClock clock = new TestClock();
    private final CircuitBreaker breaker = new CircuitBreaker("fhir",
            new CircuitBreaker.Settings(10, 5, 50, Duration.ofSeconds(30), 2), clock);

    private void calls(int failures, int successes) {
        for (int i = 0; i < failures; i++) {
            breaker.onFailure(breaker.tryAcquire());
        }
        for (int i = 0; i < successes; i++) {
            breaker.onSuccess(breaker.tryAcquire());
        }
    }

    @Test
    void staysClosedUntilTheMinimumNumberOfCallsIsRecorded() {
        calls(4, 0);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        calls(1, 0);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.timesOpened()).isEqualTo(1);
    }

    @Test
    void opensAtTheFailureRateOverTheWindowNotOnlyOnConsecutiveFailures() {
        for (int i = 0; i < 5; i++) {
            calls(1, 1);
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void oldOutcomesLeaveTheWindow() {
        calls(4, 6); // 4 of 10
        calls(0, 4); // the 4 failures slide out
        calls(4, 0); // 4 of 10 again
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void failsFastWhileOpenThenLetsProbesThroughAndClosesWhenTheySucceed() {
        calls(5, 0);
        assertThat(breaker.tryAcquire()).isNull();
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquire()).isNull();
        assertThat(breaker.rejected()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        CircuitBreaker.Permit p1 = breaker.tryAcquire();
        CircuitBreaker.Permit p2 = breaker.tryAcquire();
        assertThat(p1).isNotNull();
        assertThat(p2).isNotNull();
        assertThat(breaker.tryAcquire()).as("only two probes at a time").isNull();
        breaker.onSuccess(p1);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        breaker.onSuccess(p2);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        // closed again with a clean window: four failures do not reopen it
        calls(4, 0);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aFailedProbeOpensItForAnotherPeriod() {
        calls(5, 0);
        clock.advance(Duration.ofSeconds(30));
        breaker.onFailure(breaker.tryAcquire());
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.timesOpened()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquire()).isNull();
    }

    @Test
    void anOutcomeFromBeforeTheBreakerOpenedIsNotCountedAsAProbe() {
        CircuitBreaker.Permit slow = breaker.tryAcquire();
        calls(5, 0);
        clock.advance(Duration.ofSeconds(30));
        CircuitBreaker.Permit probe = breaker.tryAcquire();
        breaker.onSuccess(slow); // from the closed period: ignored
        breaker.onSuccess(probe);
        assertThat(breaker.state()).as("one real probe of two").isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }
}
