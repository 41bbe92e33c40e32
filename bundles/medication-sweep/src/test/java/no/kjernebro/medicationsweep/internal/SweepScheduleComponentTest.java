package no.kjernebro.medicationsweep.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import no.kjernebro.api.sweep.Initiator;
import no.kjernebro.api.sweep.SweepError;
import no.kjernebro.api.sweep.SweepException;
import no.kjernebro.api.sweep.SweepState;
import no.kjernebro.api.sweep.SweepStatus;
import org.junit.jupiter.api.Test;

class SweepScheduleComponentTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    /** Records what the schedule plans and starts; runs nothing by itself. */
    static final class FakeScheduling implements SweepScheduling {
        final List<Instant> planned = new ArrayList<>();
        final List<Runnable> tasks = new ArrayList<>();
        final List<String> starts = new ArrayList<>();
        Instant lastStarted;
        boolean refuse;

        @Override
        public Future<?> at(Instant when, Runnable task) {
            planned.add(when);
            tasks.add(task);
            return new CompletableFuture<>();
        }

        @Override
        public Optional<Instant> lastStarted(String kommunenummer) throws SQLException {
            return Optional.ofNullable(lastStarted);
        }

        @Override
        public SweepStatus start(Initiator initiator, String kommunenummer, String adapterId, String callbackUrl)
                throws SweepException {
            starts.add(initiator.type() + " " + initiator.id() + " " + kommunenummer + " " + adapterId + " " + callbackUrl);
            if (refuse) {
                throw new SweepException(SweepError.NO_PATIENT_LIST, "none");
            }
            return new SweepStatus("sw-1", kommunenummer, adapterId, "pl-1", initiator, SweepState.RUNNING, 1, 0, 0, 0, 0,
                    null, null, NOW, NOW, null, "NONE");
        }
    }

    @Test
    void plansFromTheLatestSweepInTheDatabase() {
        FakeScheduling sweeps = new FakeScheduling();
        sweeps.lastStarted = NOW.minus(Duration.ofHours(2));

        new SweepScheduleComponent(sweeps, Clock.fixed(NOW, ZoneOffset.UTC), "5601",
                new Schedule.Every(Duration.ofHours(6)), "hjemmetjeneste-json", "", "no.kjernebro.sweep.abc", true);

        assertThat(sweeps.planned).containsExactly(NOW.plus(Duration.ofHours(4)));
    }

    @Test
    void firingStartsAsTheScheduleAndPlansTheNextEvenWhenRefused() {
        FakeScheduling sweeps = new FakeScheduling();
        sweeps.refuse = true;
        SweepScheduleComponent schedule = new SweepScheduleComponent(sweeps, Clock.fixed(NOW, ZoneOffset.UTC), "5601",
                new Schedule.Every(Duration.ofHours(6)), "hjemmetjeneste-json", "https://epj.example/cb",
                "no.kjernebro.sweep.abc", true);
        assertThat(sweeps.planned).containsExactly(NOW);

        sweeps.tasks.get(0).run();

        assertThat(sweeps.starts).containsExactly(
                "SYSTEM schedule no.kjernebro.sweep.abc 5601 hjemmetjeneste-json https://epj.example/cb");
        // no sweep in the database, but it fired now: the next is an interval later, not a tight loop
        assertThat(sweeps.planned).containsExactly(NOW, NOW.plus(Duration.ofHours(6)));
        schedule.deactivate();
    }

    @Test
    void pausedOrInvalidSchedulesPlanNothing() {
        FakeScheduling sweeps = new FakeScheduling();

        new SweepScheduleComponent(sweeps, Clock.fixed(NOW, ZoneOffset.UTC), "5601",
                new Schedule.Every(Duration.ofHours(6)), "hjemmetjeneste-json", "", "x", false);
        new SweepScheduleComponent(sweeps, Clock.fixed(NOW, ZoneOffset.UTC), "5601", null, "hjemmetjeneste-json", "",
                "y", true);

        assertThat(sweeps.planned).isEmpty();
    }

    @Test
    void aDeactivatedScheduleDoesNotStart() {
        FakeScheduling sweeps = new FakeScheduling();
        SweepScheduleComponent schedule = new SweepScheduleComponent(sweeps, Clock.fixed(NOW, ZoneOffset.UTC), "5601",
                new Schedule.Every(Duration.ofHours(6)), "hjemmetjeneste-json", "", "x", true);
        schedule.deactivate();

        sweeps.tasks.get(0).run();

        assertThat(sweeps.starts).isEmpty();
    }
}
