package no.kjernebro.medicationsweep.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z"); // 13:00 in Oslo

    @Test
    void intervalsInEveryAcceptedSpelling() {
        assertThat(Schedule.parse("6h", OSLO)).isEqualTo(new Schedule.Every(Duration.ofHours(6)));
        assertThat(Schedule.parse(" 90m ", OSLO)).isEqualTo(new Schedule.Every(Duration.ofMinutes(90)));
        assertThat(Schedule.parse("1d", OSLO)).isEqualTo(new Schedule.Every(Duration.ofDays(1)));
        assertThat(Schedule.parse("PT6H", OSLO)).isEqualTo(new Schedule.Every(Duration.ofHours(6)));
        assertThat(Schedule.parse("pt30m", OSLO)).isEqualTo(new Schedule.Every(Duration.ofMinutes(30)));
    }

    @Test
    void dailyTimes() {
        assertThat(Schedule.parse("02:30", OSLO)).isEqualTo(new Schedule.DailyAt(LocalTime.of(2, 30), OSLO));
        assertThat(Schedule.parse("daily 2:05", OSLO)).isEqualTo(new Schedule.DailyAt(LocalTime.of(2, 5), OSLO));
    }

    @Test
    void nonsenseAndTooShortIntervalsAreRefused() {
        assertThatThrownBy(() -> Schedule.parse("sometimes", OSLO)).hasMessageContaining("neither an interval");
        assertThatThrownBy(() -> Schedule.parse("25:00", OSLO)).hasMessageContaining("time of day");
        assertThatThrownBy(() -> Schedule.parse("PT10S", OSLO)).hasMessageContaining("at least one minute");
        assertThatThrownBy(() -> Schedule.parse(null, OSLO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intervalRunsAtOnceTheFirstTimeThenAfterTheLastStart() {
        Schedule every6h = new Schedule.Every(Duration.ofHours(6));

        assertThat(every6h.next(null, NOW)).isEqualTo(NOW);
        assertThat(every6h.next(NOW.minus(Duration.ofHours(1)), NOW)).isEqualTo(NOW.plus(Duration.ofHours(5)));
        assertThat(every6h.next(NOW.minus(Duration.ofDays(2)), NOW)).as("missed while down: made up now").isEqualTo(NOW);
    }

    @Test
    void dailyRunsAtTheNextLocalTimeAndMakesUpAMissedOneOnce() {
        Schedule at0230 = new Schedule.DailyAt(LocalTime.of(2, 30), OSLO);

        assertThat(at0230.next(null, NOW)).isEqualTo(Instant.parse("2025-03-11T01:30:00Z"));
        assertThat(at0230.next(Instant.parse("2025-03-10T01:30:00Z"), NOW)).isEqualTo(Instant.parse("2025-03-11T01:30:00Z"));
        assertThat(at0230.next(Instant.parse("2025-03-08T01:30:00Z"), NOW)).as("missed yesterday").isEqualTo(NOW);
    }

    @Test
    void dailyTimeFollowsSummerTime() {
        Schedule at0230 = new Schedule.DailyAt(LocalTime.of(2, 30), OSLO);
        Instant summer = Instant.parse("2025-06-10T12:00:00Z");

        assertThat(at0230.next(null, summer)).isEqualTo(Instant.parse("2025-06-11T00:30:00Z"));
    }
}
