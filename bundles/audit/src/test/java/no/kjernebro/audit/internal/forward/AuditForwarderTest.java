package no.kjernebro.audit.internal.forward;

import no.kjernebro.audit.internal.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import no.kjernebro.audit.internal.BalpTestRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditForwarderTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-02T12:00:00Z"));
    @TempDir
    Path dir;
    private TestReceiver receiver;
    private ForwardTestDatabase db;

    @BeforeEach
    void start() throws Exception {
        receiver = new TestReceiver();
        db = new ForwardTestDatabase(dir, clock);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void acceptedEventsLeaveTheOutboxAsBalpAuditEventsWithTheToken() throws Exception {
        db.append(BalpTestRecords.allowed(), 2);
        db.append(BalpTestRecords.administration(), 1);

        AuditForwarder.Round round = forwarder(receiver.url(), 100, 4).forwardDue();

        assertThat(round).isEqualTo(new AuditForwarder.Round(3, 0, 0, false));
        assertThat(receiver.events()).hasSize(3);
        assertThat(receiver.events().values()).allSatisfy(e ->
                assertThat(e.path("resourceType").asText()).isEqualTo("AuditEvent"));
        assertThat(receiver.events().values()).extracting(e -> e.at("/type/code").asText())
                .containsExactlyInAnyOrder("rest", "rest", "110113");
        assertThat(receiver.authorizations()).containsOnly("Bearer test-token");
        assertThat(receiver.contentTypes()).containsOnly("application/fhir+json");
        assertThat(db.outboxSize()).isZero();
    }

    @Test
    void aFullBatchAsksForTheNextRoundAtOnce() throws Exception {
        db.append(BalpTestRecords.allowed(), 5);
        AuditForwarder forwarder = forwarder(receiver.url(), 2, 2);

        AuditForwarder.Round first = forwarder.forwardDue();

        assertThat(first.more()).isTrue();
        assertThat(forwarder.pauseAfter(first)).isZero();
        assertThat(forwarder.drain()).isEqualTo(3);
        assertThat(receiver.events()).hasSize(5);
        assertThat(db.outboxSize()).isZero();
    }

    @Test
    void anEventTheReceiverRefusesWaitsByItsOwnBackoffAndIsSentLater() throws Exception {
        receiver.answer(400);
        db.append(BalpTestRecords.allowed(), 1);
        AuditForwarder forwarder = forwarder(receiver.url(), 100, 4);

        assertThat(forwarder.forwardDue()).isEqualTo(new AuditForwarder.Round(0, 1, 0, false));

        ForwardTestDatabase.OutboxRow row = db.outboxRow(1);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).startsWith("HTTP 400").contains("*********95").doesNotContain("05902823095");
        assertThat(row.nextAttempt()).isEqualTo(clock.instant().plusSeconds(2));
        assertThat(forwarder.forwardDue()).isEqualTo(new AuditForwarder.Round(0, 0, 0, false));
        assertThat(receiver.posts()).isEqualTo(1);

        receiver.answer(201);
        clock.advance(Duration.ofSeconds(2));
        assertThat(forwarder.forwardDue()).isEqualTo(new AuditForwarder.Round(1, 0, 0, false));
        assertThat(db.outboxSize()).isZero();
    }

    @Test
    void anUnreachableReceiverEndsTheRoundAfterOneWindowAndTheForwarderBacksOff() throws Exception {
        db.append(BalpTestRecords.allowed(), 5);
        AuditForwarder forwarder = forwarder(TestReceiver.closedPortUrl(), 100, 2);

        AuditForwarder.Round first = forwarder.forwardDue();

        assertThat(first).isEqualTo(new AuditForwarder.Round(0, 0, 2, false));
        assertThat(db.outboxRow(1).lastError()).startsWith("transport");
        assertThat(db.outboxRow(1).nextAttempt()).isEqualTo(clock.instant().plusSeconds(2));
        assertThat(db.outboxRow(3).attempts()).isZero();
        assertThat(forwarder.pauseAfter(first)).isEqualTo(Duration.ofSeconds(2));
        AuditForwarder.Round second = forwarder.forwardDue();
        assertThat(second.unavailable()).isEqualTo(2);
        assertThat(forwarder.pauseAfter(second)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aReceiverAnswering503IsUnavailableNotRefusing() throws Exception {
        receiver.answer(503);
        db.append(BalpTestRecords.allowed(), 3);

        AuditForwarder.Round round = forwarder(receiver.url(), 100, 1).forwardDue();

        assertThat(round).isEqualTo(new AuditForwarder.Round(0, 0, 1, false));
        assertThat(receiver.posts()).isEqualTo(1);
    }

    @Test
    void afterAnOutageTheBacklogDrainsAsSoonAsTheReceiverAnswers() throws Exception {
        receiver.answer(503);
        db.append(BalpTestRecords.allowed(), 30);
        AuditForwarder forwarder = forwarder(receiver.url(), 10, 2);
        for (int i = 0; i < 5; i++) {
            forwarder.forwardDue();
            clock.advance(Duration.ofMinutes(1));
        }
        receiver.answer(201);

        assertThat(forwarder.drain()).isEqualTo(30);

        assertThat(receiver.events()).hasSize(30);
        assertThat(db.outboxSize()).isZero();
    }

    @Test
    void aCrashBetweenDeliveryAndDeleteResendsTheSameEventsWhichTheReceiverDrops() throws Exception {
        db.append(BalpTestRecords.allowed(), 4);
        AtomicBoolean failDeletes = new AtomicBoolean(true);
        AuditForwarder crashing = new AuditForwarder(new AuditOutbox(failingDeletes(db.dataSource, failDeletes)),
                mapper, ForwardTestSettings.to(receiver.url(), 100, 4), clock);

        assertThatThrownBy(crashing::forwardDue).isInstanceOf(SQLException.class);
        assertThat(receiver.posts()).isEqualTo(4);
        assertThat(db.outboxSize()).isEqualTo(4);

        AuditForwarder restarted = forwarder(receiver.url(), 100, 4);
        assertThat(restarted.drain()).isEqualTo(4);

        assertThat(receiver.posts()).isEqualTo(8);
        assertThat(receiver.events()).hasSize(4);
        assertThat(db.outboxSize()).isZero();
    }

    @Test
    void aRestartMidBacklogLosesNothing() throws Exception {
        db.append(BalpTestRecords.allowed(), 50);
        AuditForwarder before = forwarder(receiver.url(), 10, 4);
        before.forwardDue();
        before.forwardDue();
        assertThat(db.outboxSize()).isEqualTo(30);

        AuditForwarder after = new AuditForwarder(new AuditOutbox(db.newDataSource()), mapper,
                ForwardTestSettings.to(receiver.url(), 10, 4), clock);

        assertThat(after.drain()).isEqualTo(30);
        assertThat(receiver.events()).hasSize(50);
        assertThat(receiver.posts()).isEqualTo(50);
        assertThat(db.outboxSize()).isZero();
    }

    private AuditForwarder forwarder(URI url, int batchSize, int concurrency) {
        return new AuditForwarder(new AuditOutbox(db.dataSource), mapper,
                ForwardTestSettings.to(url, batchSize, concurrency), clock);
    }

    /** A DataSource whose connections fail to prepare the outbox DELETE while {@code fail} is set. */
    private static DataSource failingDeletes(DataSource real, AtomicBoolean fail) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    if (!"getConnection".equals(method.getName())) {
                        return result;
                    }
                    Connection con = (Connection) result;
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if ("prepareStatement".equals(m.getName()) && fail.get()
                                        && String.valueOf(a[0]).startsWith("DELETE FROM kjb_audit_outbox")) {
                                    throw new SQLException("simulated crash before the delete");
                                }
                                try {
                                    return m.invoke(con, a);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }
}
