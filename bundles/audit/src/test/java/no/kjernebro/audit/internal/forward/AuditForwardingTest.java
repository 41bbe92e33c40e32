package no.kjernebro.audit.internal.forward;

import no.kjernebro.audit.internal.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import no.kjernebro.api.audit.ForwardingStatus;
import no.kjernebro.audit.internal.BalpTestRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS component: background forwarding, status and the JMX MBean. */
class AuditForwardingTest {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();
    @TempDir
    Path dir;
    private TestReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new TestReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void committedRecordsAreForwardedInTheBackgroundUntilTheOutboxIsEmpty() throws Exception {
        ForwardTestDatabase db = new ForwardTestDatabase(dir, Clock.systemUTC());
        AuditForwarding component = new AuditForwarding(db.dataSource, Clock.systemUTC());
        component.activate(new TestForwardConfiguration(receiver.url().toString(), true));
        try {
            db.append(BalpTestRecords.allowed(), 3);

            assertThat(waitFor(() -> receiver.events().size() == 3)).as("3 events delivered").isTrue();
            assertThat(waitFor(() -> component.status().backlog() == 0)).as("outbox emptied").isTrue();
            assertThat(component.status().delivered()).isEqualTo(3);
            assertThat(receiver.authorizations()).containsOnly("null");
        } finally {
            component.deactivate();
        }
    }

    @Test
    void statusAndMBeanShowBacklogAgeFailuresAndTheLastError() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-02T12:00:00Z"));
        ForwardTestDatabase db = new ForwardTestDatabase(dir, clock);
        db.append(BalpTestRecords.allowed(), 3);
        receiver.answer(400);
        AuditForwarding component = new AuditForwarding(db.dataSource, clock);
        component.activate(new TestForwardConfiguration(receiver.url().toString(), false));
        try {
            ForwardSettings settings = ForwardTestSettings.to(receiver.url(), 1, 1);
            new AuditForwarder(new AuditOutbox(db.dataSource), new ObjectMapper(),
                    settings, clock, component.counters()).forwardDue();
            clock.advance(Duration.ofSeconds(90));

            ForwardingStatus status = component.status();
            assertThat(status.enabled()).isFalse();
            assertThat(status.endpoint()).isEqualTo(receiver.url().toString());
            assertThat(status.backlog()).isEqualTo(3);
            assertThat(status.failingRecords()).isEqualTo(1);
            assertThat(status.oldestPending()).isEqualTo(BalpTestRecords.TIME);
            assertThat(status.lastError()).contains("HTTP 400").doesNotContain("05902823095");

            ObjectName name = new ObjectName("no.kjernebro:type=AuditForwarding");
            assertThat(JMX.getAttribute(name, "Backlog")).isEqualTo(3L);
            assertThat(JMX.getAttribute(name, "FailingRecords")).isEqualTo(1L);
            assertThat(JMX.getAttribute(name, "Delivered")).isEqualTo(0L);
            assertThat((Long) JMX.getAttribute(name, "OldestPendingAgeSeconds"))
                    .isEqualTo(Duration.between(BalpTestRecords.TIME, clock.instant()).toSeconds());
            assertThat((String) JMX.getAttribute(name, "LastError")).contains("HTTP 400");
            assertThat(JMX.getAttribute(name, "Enabled")).isEqualTo(false);
        } finally {
            component.deactivate();
        }
        assertThat(JMX.isRegistered(new ObjectName("no.kjernebro:type=AuditForwarding"))).isFalse();
    }

    @Test
    void forwardingStopsOnDeactivateAndResumesFromTheOutboxAfterARestart() throws Exception {
        ForwardTestDatabase db = new ForwardTestDatabase(dir, Clock.systemUTC());
        receiver.answer(503);
        AuditForwarding first = new AuditForwarding(db.dataSource, Clock.systemUTC());
        first.activate(new TestForwardConfiguration(receiver.url().toString(), true));
        db.append(BalpTestRecords.allowed(), 20);
        assertThat(waitFor(() -> receiver.posts() > 0)).isTrue();
        first.deactivate();
        assertThat(db.outboxSize()).isEqualTo(20);

        receiver.answer(201);
        AuditForwarding second = new AuditForwarding(db.newDataSource(), Clock.systemUTC());
        second.activate(new TestForwardConfiguration(receiver.url().toString(), true));
        try {
            assertThat(waitFor(() -> receiver.events().size() == 20)).as("all 20 delivered after restart").isTrue();
            assertThat(waitFor(() -> second.status().backlog() == 0)).isTrue();
        } finally {
            second.deactivate();
        }
    }

    @Test
    void anInvalidConfigurationStopsForwardingButNotTheStatus() throws Exception {
        ForwardTestDatabase db = new ForwardTestDatabase(dir, Clock.systemUTC());
        db.append(BalpTestRecords.allowed(), 2);
        AuditForwarding component = new AuditForwarding(db.dataSource, Clock.systemUTC());
        component.activate(new TestForwardConfiguration("not a url ::", true));
        try {
            ForwardingStatus status = component.status();

            assertThat(status.enabled()).isFalse();
            assertThat(status.backlog()).isEqualTo(2);
            assertThat(status.lastError()).contains("configuration:");
        } finally {
            component.deactivate();
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls until the condition holds; gives up after 30 s (a generous bound, not a timing assertion). */
    private static boolean waitFor(Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.holds();
    }
}
