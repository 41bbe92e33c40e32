package no.kjernebro.auditreview.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    private final WorkingHours hours = WorkingHours.parse("Mon-Fri 07:00-16:00, Sat-Sun 08:00-15:00");

    @Test
    void weekdayAndWeekendRangesAreHalfOpen() {
        // 2025-03-03 is a Monday, 2025-03-08 a Saturday
        assertThat(hours.contains(LocalDateTime.parse("2025-03-03T07:00"))).isTrue();
        assertThat(hours.contains(LocalDateTime.parse("2025-03-03T15:59"))).isTrue();
        assertThat(hours.contains(LocalDateTime.parse("2025-03-03T16:00"))).isFalse();
        assertThat(hours.contains(LocalDateTime.parse("2025-03-03T06:59"))).isFalse();
        assertThat(hours.contains(LocalDateTime.parse("2025-03-08T07:30"))).isFalse();
        assertThat(hours.contains(LocalDateTime.parse("2025-03-08T08:00"))).isTrue();
    }

    @Test
    void aRangePastMidnightCoversTheNextMorning() {
        WorkingHours night = WorkingHours.parse("Fri 22:00-07:30");
        assertThat(night.contains(LocalDateTime.parse("2025-03-07T23:10"))).isTrue();
        assertThat(night.contains(LocalDateTime.parse("2025-03-08T07:00"))).isTrue();
        assertThat(night.contains(LocalDateTime.parse("2025-03-08T07:30"))).isFalse();
        assertThat(night.contains(LocalDateTime.parse("2025-03-07T07:00"))).isFalse();
    }

    @Test
    void norwegianDaysSeveralRangesAndMidnightEnd() {
        WorkingHours h = WorkingHours.parse("man-fre 07:00-15:00 15:00-24:00; lør 10:00-12:00");
        assertThat(h.contains(LocalDateTime.parse("2025-03-05T23:59"))).isTrue();
        assertThat(h.contains(LocalDateTime.parse("2025-03-06T00:30"))).isFalse();
        assertThat(h.contains(LocalDateTime.parse("2025-03-08T11:00"))).isTrue();
        assertThat(h.contains(LocalDateTime.parse("2025-03-09T11:00"))).as("Sunday is not named").isFalse();
    }

    @Test
    void blankMeansNotConfiguredAndNonsenseIsRefusedWithTheBadPart() {
        assertThat(WorkingHours.parse(" ")).isNull();
        assertThatThrownBy(() -> WorkingHours.parse("Mon-Fri 07:00-16:00, Xyz 08:00-15:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Xyz");
        assertThatThrownBy(() -> WorkingHours.parse("Mon 25:00-26:00")).hasMessageContaining("bad time");
        assertThatThrownBy(() -> WorkingHours.parse("Mon 08:00-08:00")).hasMessageContaining("empty range");
        assertThatThrownBy(() -> WorkingHours.parse("always")).hasMessageContaining("cannot read");
    }
}
