package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import no.kjernebro.audit.internal.forward.AuditForwarder;
import no.kjernebro.audit.internal.forward.AuditOutbox;
import no.kjernebro.audit.internal.forward.Backoff;
import no.kjernebro.audit.internal.forward.ForwardSettings;
import no.kjernebro.audit.internal.forward.TestReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forwarding outbox's SQL against a real PostgreSQL (its own database on the shared test server). */
class PostgresAuditOutboxTest {

    private static final String DATABASE = "kjb_forward_test";
    private TestReceiver receiver;
    private DataSource db;

    @BeforeEach
    void start() throws Exception {
        receiver = new TestReceiver();
        try (Connection con = TestPostgres.server().getPostgresDatabase().getConnection();
             Statement st = con.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE);
            st.execute("CREATE DATABASE " + DATABASE);
        }
        db = TestPostgres.server().getDatabase("postgres", DATABASE);
        AuditSchema.ensure(db);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void dueRowsAreSentInOrderCountedAndDeleted() throws Exception {
        AuditRecordStore store = new AuditRecordStore(db, Clock.systemUTC());
        store.append(BalpTestRecords.allowed());
        store.append(BalpTestRecords.caseWorker());
        store.append(BalpTestRecords.administration());
        AuditOutbox outbox = new AuditOutbox(db);

        assertThat(outbox.counts().backlog()).isEqualTo(3);
        assertThat(outbox.counts().oldestPending()).isEqualTo(BalpTestRecords.TIME);
        assertThat(outbox.due(Clock.systemUTC().instant(), 2)).extracting(p -> p.record().reference())
                .hasSize(2).isSorted();

        receiver.answer(400);
        AuditForwarder forwarder = new AuditForwarder(outbox, new ObjectMapper(), settings(receiver.url()),
                Clock.systemUTC());
        assertThat(forwarder.forwardDue().refused()).isEqualTo(3);
        assertThat(outbox.counts().failing()).isEqualTo(3);

        receiver.answer(201);
        AuditForwarder later = new AuditForwarder(outbox, new ObjectMapper(), settings(receiver.url()),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
        assertThat(later.drain()).isEqualTo(3);
        assertThat(receiver.events()).hasSize(3);
        assertThat(outbox.counts()).isEqualTo(new AuditOutbox.Counts(0, 0, null));
    }

    private static ForwardSettings settings(URI url) {
        return new ForwardSettings(true, url, Duration.ofSeconds(1), 100, 4, Duration.ofSeconds(2), Optional.empty(),
                new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30), 0), "kjernebro-test");
    }
}
