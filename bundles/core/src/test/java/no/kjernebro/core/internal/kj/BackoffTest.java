package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theCeilingGrowsExponentiallyUpToTheMaximum() {
        Backoff b = new Backoff(200, 2000, () -> 0.0);
        assertThat(b.ceilingMs(1)).isEqualTo(200);
        assertThat(b.ceilingMs(2)).isEqualTo(400);
        assertThat(b.ceilingMs(4)).isEqualTo(1600);
        assertThat(b.ceilingMs(5)).isEqualTo(2000);
        assertThat(b.ceilingMs(60)).isEqualTo(2000);
    }

    @Test
    void fullJitterSpansZeroToTheCeiling() {
        assertThat(new Backoff(200, 2000, () -> 0.0).delay(3)).isEqualTo(Duration.ZERO);
        assertThat(new Backoff(200, 2000, () -> 0.5).delay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(new Backoff(200, 2000, () -> 0.9999999).delay(3)).isEqualTo(Duration.ofMillis(800));
        Backoff real = new Backoff(200, 2000);
        for (int i = 0; i < 200; i++) {
            assertThat(real.delay(2).toMillis()).isBetween(0L, 400L);
        }
    }
}
