package no.kjernebro.medicationsweep.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Future;
import no.kjernebro.api.sweep.Initiator;
import no.kjernebro.api.sweep.SweepException;
import no.kjernebro.api.sweep.SweepStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One municipality's schedule (one factory configuration each). The next start is computed from the
 * latest sweep in the database, so a restart neither repeats a sweep nor skips one; a start that finds
 * a sweep running leaves it be, one that finds it interrupted resumes it. A changed configuration makes
 * DS create a new instance.
 */
@Component(name = SweepScheduleComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = SweepScheduleConfiguration.class, factory = true)
public final class SweepScheduleComponent {

    static final String FACTORY_PID = "no.kjernebro.sweep";
    private static final Logger LOG = LoggerFactory.getLogger(SweepScheduleComponent.class);

    private final SweepScheduling sweeps;
    private final Clock clock;
    private final String kommunenummer;
    private final String adapterId;
    private final String callbackUrl;
    private final Schedule schedule;
    private final Initiator initiator;
    private Instant lastFired; // guarded by this
    private Future<?> next; // guarded by this
    private boolean stopped; // guarded by this

    @Activate
    public SweepScheduleComponent(@Reference(name = "sweeps") SweepScheduling sweeps, SweepScheduleConfiguration config,
                                  java.util.Map<String, Object> properties) {
        this(sweeps, Clock.systemUTC(), config.kommunenummer(), parse(config), config.adapterId(),
                config.callbackUrl(), String.valueOf(properties.getOrDefault("service.pid", FACTORY_PID)),
                config.enabled());
    }

    SweepScheduleComponent(SweepScheduling sweeps, Clock clock, String kommunenummer, Schedule schedule,
                           String adapterId, String callbackUrl, String configurationName, boolean enabled) {
        this.sweeps = sweeps;
        this.clock = clock;
        this.kommunenummer = kommunenummer;
        this.schedule = schedule;
        this.adapterId = adapterId;
        this.callbackUrl = callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl;
        this.initiator = Initiator.system("schedule " + configurationName);
        if (schedule == null || !enabled) {
            LOG.info("Sweep schedule for {} is {}", kommunenummer, schedule == null ? "invalid" : "paused");
            stopped = true;
        } else {
            planNext();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    /** Starts the municipality's sweep now (the timer calls this). */
    void fire() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            lastFired = clock.instant();
        }
        try {
            SweepStatus status = sweeps.start(initiator, kommunenummer, adapterId, callbackUrl);
            LOG.info("Scheduled sweep for {}: {} is {}", kommunenummer, status.sweepId(), status.state());
        } catch (SweepException e) {
            LOG.warn("Scheduled sweep for {} not started: {} ({})", kommunenummer, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Scheduled sweep for {} failed: {}", kommunenummer, e.getClass().getSimpleName());
        }
        planNext();
    }

    /** When the next start is planned; for tests. */
    synchronized Instant plannedFor(Instant lastStart) {
        return schedule.next(latest(lastStart, lastFired), clock.instant());
    }

    private synchronized void planNext() {
        if (stopped) {
            return;
        }
        Instant lastStart;
        try {
            lastStart = sweeps.lastStarted(kommunenummer).orElse(null);
        } catch (SQLException e) {
            lastStart = lastFired;
        }
        Instant when = plannedFor(lastStart);
        next = sweeps.at(when, this::fire);
        LOG.info("Next scheduled sweep for {} at {}", kommunenummer, when);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static Schedule parse(SweepScheduleConfiguration config) {
        try {
            return Schedule.parse(config.schedule(), ZoneId.of(config.timeZone()));
        } catch (RuntimeException e) {
            LOG.error("Sweep schedule for {} is not valid and does nothing until fixed: {}", config.kommunenummer(),
                    e.getMessage());
            return null;
        }
    }

}
