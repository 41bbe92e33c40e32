package no.kjernebro.audit.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 0.2);

    @Test
    void waitsDoubleUpToTheMaximum() {
        assertThat(backoff.after(1, () -> 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(2, () -> 0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(5, () -> 0)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.after(9, () -> 0)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(Integer.MAX_VALUE, () -> 0)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void jitterTakesOffAtMostItsShare() {
        assertThat(backoff.after(2, () -> 1)).isEqualTo(Duration.ofMillis(3200));
        assertThat(backoff.after(9, () -> 0.5)).isEqualTo(Duration.ofSeconds(270));
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.after(3)).isBetween(Duration.ofMillis(6400), Duration.ofSeconds(8));
        }
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(4), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
