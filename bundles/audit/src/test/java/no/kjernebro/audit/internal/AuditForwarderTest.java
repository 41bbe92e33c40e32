package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditForwarderTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-02T12:00:00Z"));
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(201);
    private final CountDownLatch firstDelivery = new CountDownLatch(1);
    private HttpServer receiver;
    private JdbcDataSource db;
    private AuditRecordStore store;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/fhir/AuditEvent", exchange -> {
            received.add(mapper.readTree(exchange.getRequestBody()));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"resourceType\":\"OperationOutcome\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            if (status.get() / 100 == 2) {
                firstDelivery.countDown();
            }
        });
        receiver.start();
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + Path.of("target", "h2", "forward-" + UUID.randomUUID()).toAbsolutePath()
                + ";DB_CLOSE_DELAY=-1");
        AuditSchema.ensure(db);
        store = new AuditRecordStore(db, clock);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void acceptedEventsLeaveTheOutbox() throws Exception {
        store.append(TestEntries.lookup());
        store.append(TestEntries.administration());

        AuditForwarder.Round round = forwarder(receiverUrl()).forwardDue();

        assertThat(round).isEqualTo(new AuditForwarder.Round(2, 0));
        assertThat(received).extracting(e -> e.path("id").asText())
                .containsExactly("KJB-000000000001", "KJB-000000000002");
        assertThat(received.get(0).path("resourceType").asText()).isEqualTo("AuditEvent");
        assertThat(authorizations).containsOnly("Bearer test-token");
        assertThat(new AuditOutbox(db).size()).isZero();
    }

    @Test
    void aRefusedEventStaysWithBackoffAndIsSentAfterARestart() throws Exception {
        status.set(500);
        store.append(TestEntries.lookup());

        AuditForwarder.Round failed = forwarder(receiverUrl()).forwardDue();

        assertThat(failed).isEqualTo(new AuditForwarder.Round(0, 1));
        OutboxRow row = outboxRow(1);
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.lastError).startsWith("HTTP 500");
        assertThat(row.nextAttempt).isEqualTo(clock.instant().plusSeconds(2));
        assertThat(forwarder(receiverUrl()).forwardDue()).isEqualTo(new AuditForwarder.Round(0, 0));
        assertThat(received).hasSize(1);

        status.set(201);
        clock.advance(Duration.ofSeconds(3));
        AuditForwarder restarted = new AuditForwarder(new AuditOutbox(db), mapper, settings(receiverUrl()), clock);

        assertThat(restarted.forwardDue()).isEqualTo(new AuditForwarder.Round(1, 0));
        assertThat(received).hasSize(2);
        assertThat(received.get(1).path("id").asText()).isEqualTo("KJB-000000000001");
        assertThat(new AuditOutbox(db).size()).isZero();
    }

    @Test
    void anUnreachableReceiverEndsTheRoundAtTheFirstRecord() throws Exception {
        store.append(TestEntries.lookup());
        store.append(TestEntries.lookup());

        AuditForwarder.Round round = forwarder(closedPortUrl()).forwardDue();

        assertThat(round).isEqualTo(new AuditForwarder.Round(0, 1));
        assertThat(outboxRow(1).lastError).startsWith("transport");
        assertThat(outboxRow(2).attempts).isZero();
    }

    @Test
    void backoffDoublesUpToFiveMinutes() {
        assertThat(AuditForwarder.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(AuditForwarder.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(AuditForwarder.backoff(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(AuditForwarder.backoff(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(AuditForwarder.backoff(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theComponentForwardsInTheBackground() throws Exception {
        JdbcAuditLog log = new JdbcAuditLog(db);
        log.activate(new TestAuditConfiguration(receiverUrl().toString()));
        try {
            log.append(TestEntries.lookup());

            assertThat(firstDelivery.await(30, TimeUnit.SECONDS)).as("event delivered").isTrue();
        } finally {
            log.deactivate();
        }
        assertThat(received).extracting(e -> e.path("id").asText()).containsExactly("KJB-000000000001");
        assertThat(new AuditOutbox(db).size()).isZero();
    }

    private AuditForwarder forwarder(URI url) {
        return new AuditForwarder(new AuditOutbox(db), mapper, settings(url), clock);
    }

    private static ForwardSettings settings(URI url) {
        return new ForwardSettings(url, Duration.ofSeconds(2), 100, Duration.ofSeconds(2),
                Optional.of("test-token"), "kjernebro-test");
    }

    private URI receiverUrl() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/fhir/AuditEvent");
    }

    private static URI closedPortUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/fhir/AuditEvent");
    }

    private record OutboxRow(int attempts, Instant nextAttempt, String lastError) {
    }

    private OutboxRow outboxRow(long seq) throws SQLException {
        try (Connection con = db.getConnection(); Statement st = con.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT attempts, next_attempt_at, last_error FROM kjb_audit_outbox WHERE seq = " + seq)) {
            assertThat(rs.next()).as("outbox row %s exists", seq).isTrue();
            return new OutboxRow(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3));
        }
    }
}
