package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.audit.AuditUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's behaviour, run against each database Kjernebro supports. */
abstract class AuditStoreContract {

    protected abstract DataSource dataSource();

    @BeforeEach
    void emptyDatabase() throws SQLException {
        try (Connection con = dataSource().getConnection(); Statement st = con.createStatement()) {
            for (String table : new String[] {"kjb_audit_outbox", "kjb_audit_record", "kjb_audit_chain_head",
                    "kjb_audit_schema_version"}) {
                st.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @Test
    void schemaCreationIsIdempotent() throws SQLException {
        assertThat(AuditSchema.ensure(dataSource())).isEqualTo(1);
        new AuditRecordStore(dataSource()).append(TestEntries.lookup());

        assertThat(AuditSchema.ensure(dataSource())).isEqualTo(1);

        assertThat(count("kjb_audit_chain_head")).isEqualTo(1);
        assertThat(count("kjb_audit_schema_version")).isEqualTo(1);
        assertThat(count("kjb_audit_record")).isEqualTo(1);
        assertThat(new AuditRecordStore(dataSource()).head().lastSeq()).isEqualTo(1);
    }

    @Test
    void appendCommitsRecordOutboxRowAndHead() throws Exception {
        JdbcAuditLog log = activatedLog(dataSource());

        AuditReceipt first = log.append(TestEntries.lookup());
        AuditReceipt second = log.append(TestEntries.caseWorkerRefused());

        assertThat(first.reference()).isEqualTo("KJB-000000000001");
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(second.sequence()).isEqualTo(2);
        AuditRecordStore store = new AuditRecordStore(dataSource());
        assertThat(store.head()).isEqualTo(new AuditRecordStore.Head(2, second.hash()));
        assertThat(new AuditOutbox(dataSource()).size()).isEqualTo(2);
        List<AuditRecord> stored = records();
        assertThat(stored.get(0).hash()).isEqualTo(first.hash());
        assertThat(stored.get(1).prevHash()).isEqualTo(first.hash());
    }

    @Test
    void storedRecordsReadBackExactlyAsHashed() throws Exception {
        AuditRecordStore store = new AuditRecordStore(dataSource());
        AuditSchema.ensure(dataSource());
        store.append(TestEntries.lookup());
        store.append(TestEntries.administration());
        store.append(TestEntries.withActorName("Siv Ærlighet-Østby \uD83D\uDE00"));
        store.append(TestEntries.withReason("x".repeat(5000) + "\u0000"));

        List<AuditRecord> stored = records();

        AuditRecord first = stored.get(0);
        assertThat(first.patientId()).isEqualTo(TestEntries.PATIENT);
        assertThat(first.recordedAt()).isEqualTo(TestEntries.TIME.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(first.sections()).isEqualTo("PERSONALIA,LEGEMIDLER,KRITISK_INFORMASJON");
        assertThat(stored.get(1).patientId()).isNull();
        assertThat(stored.get(2).actorName()).isEqualTo("Siv Ærlighet-Østby \uD83D\uDE00");
        assertThat(stored.get(3).reason()).hasSize(AuditSchema.REASON);
        assertThat(store.verifyChain().intact()).isTrue();
    }

    @Test
    void concurrentAppendsFormOneContiguousChain() throws Exception {
        JdbcAuditLog log = activatedLog(dataSource());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<AuditReceipt>>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Callable<List<AuditReceipt>> worker = () -> {
                List<AuditReceipt> mine = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    mine.add(log.append(TestEntries.lookup()));
                }
                return mine;
            };
            results.add(pool.submit(worker));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<List<AuditReceipt>> result : results) {
            result.get(2, TimeUnit.MINUTES).forEach(r -> sequences.add(r.sequence()));
        }
        pool.shutdown();

        assertThat(sequences).hasSize(400).doesNotHaveDuplicates();
        assertThat(sequences).allSatisfy(seq -> assertThat(seq).isBetween(1L, 400L));
        ChainVerifier.Result chain = log.verifyChain();
        assertThat(chain.intact()).as(chain.problem()).isTrue();
        assertThat(chain.verified()).isEqualTo(400);
        assertThat(new AuditOutbox(dataSource()).size()).isEqualTo(400);
    }

    @Test
    void aFailureHalfWayWritesNothingAndFailsClosed() throws Exception {
        AuditSchema.ensure(dataSource());
        new AuditRecordStore(dataSource()).append(TestEntries.lookup());
        JdbcAuditLog log = activatedLog(FailingDataSource.failingOn(dataSource(), "kjb_audit_outbox"));

        assertThatThrownBy(() -> log.append(TestEntries.lookup()))
                .isInstanceOf(AuditUnavailableException.class)
                .hasRootCauseMessage("java.sql.SQLException: disk full (injected)");

        assertThat(count("kjb_audit_record")).isEqualTo(1);
        assertThat(count("kjb_audit_outbox")).isEqualTo(1);
        assertThat(new AuditRecordStore(dataSource()).head().lastSeq()).isEqualTo(1);
        assertThat(new AuditRecordStore(dataSource()).verifyChain().intact()).isTrue();
    }

    @Test
    void anUnreachableDatabaseFailsClosed() {
        JdbcAuditLog log = activatedLog(FailingDataSource.down());

        assertThatThrownBy(() -> log.append(TestEntries.lookup()))
                .isInstanceOf(AuditUnavailableException.class)
                .hasRootCauseMessage("java.sql.SQLException: Connection refused");
    }

    @Test
    void aDatabaseThatComesBackIsUsedWithoutRestart() throws Exception {
        SwitchableDataSource switchable = new SwitchableDataSource(FailingDataSource.down());
        JdbcAuditLog log = activatedLog(switchable);
        assertThatThrownBy(() -> log.append(TestEntries.lookup())).isInstanceOf(AuditUnavailableException.class);

        switchable.target = dataSource();

        assertThat(log.append(TestEntries.lookup()).sequence()).isEqualTo(1);
    }

    @Test
    void appendAllCommitsTheBatchInOrderAsPartOfOneChain() throws Exception {
        JdbcAuditLog log = activatedLog(dataSource());
        AuditReceipt before = log.append(TestEntries.lookup());
        List<AuditEntry> batch = List.of(TestEntries.systemQuery("05902823095", "sweep-1/1"),
                TestEntries.systemQuery("21874614847", "sweep-1/1"), TestEntries.systemQuery("12861550182", "sweep-1/1"));

        List<AuditReceipt> receipts = log.appendAll(batch);
        AuditReceipt after = log.append(TestEntries.administration());

        assertThat(receipts).extracting(AuditReceipt::sequence).containsExactly(2L, 3L, 4L);
        assertThat(receipts).extracting(AuditReceipt::reference)
                .containsExactly("KJB-000000000002", "KJB-000000000003", "KJB-000000000004");
        assertThat(after.sequence()).isEqualTo(5);
        List<AuditRecord> stored = records();
        assertThat(stored).extracting(AuditRecord::patientId)
                .containsExactly(TestEntries.PATIENT, "05902823095", "21874614847", "12861550182", null);
        assertThat(stored.get(1).prevHash()).isEqualTo(before.hash());
        assertThat(stored.get(2).prevHash()).isEqualTo(receipts.get(0).hash());
        assertThat(stored.get(4).prevHash()).isEqualTo(receipts.get(2).hash());
        assertThat(stored.get(1).eventType()).isEqualTo("SYSTEM_QUERY");
        assertThat(stored.get(1).actorType()).isEqualTo("SYSTEM");
        assertThat(new AuditOutbox(dataSource()).size()).isEqualTo(5);
        assertThat(log.verifyChain().intact()).isTrue();
    }

    @Test
    void fiveThousandRecordsInOneCall() throws Exception {
        JdbcAuditLog log = activatedLog(dataSource());
        List<AuditEntry> batch = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            batch.add(TestEntries.systemQuery(TestEntries.PATIENT, "sweep-big/" + (i / 100)));
        }

        List<AuditReceipt> receipts = log.appendAll(batch);

        assertThat(receipts).hasSize(5000);
        assertThat(receipts.get(0).sequence()).isEqualTo(1);
        assertThat(receipts.get(4999).sequence()).isEqualTo(5000);
        assertThat(count("kjb_audit_record")).isEqualTo(5000);
        assertThat(new AuditOutbox(dataSource()).size()).isEqualTo(5000);
        assertThat(new AuditRecordStore(dataSource()).head())
                .isEqualTo(new AuditRecordStore.Head(5000, receipts.get(4999).hash()));
        ChainVerifier.Result chain = log.verifyChain();
        assertThat(chain.intact()).as(chain.problem()).isTrue();
        assertThat(chain.verified()).isEqualTo(5000);
    }

    @Test
    void aBatchThatFailsHalfWayWritesNoneOfItAndFailsClosed() throws Exception {
        AuditSchema.ensure(dataSource());
        AuditReceipt existing = new AuditRecordStore(dataSource()).append(TestEntries.lookup());
        JdbcAuditLog log = activatedLog(FailingDataSource.failingOn(dataSource(), "kjb_audit_outbox"));
        List<AuditEntry> batch = List.of(TestEntries.systemQuery("05902823095", "b"),
                TestEntries.systemQuery("21874614847", "b"));

        assertThatThrownBy(() -> log.appendAll(batch))
                .isInstanceOf(AuditUnavailableException.class)
                .hasRootCauseMessage("java.sql.SQLException: disk full (injected)");

        assertThat(count("kjb_audit_record")).isEqualTo(1);
        assertThat(count("kjb_audit_outbox")).isEqualTo(1);
        assertThat(new AuditRecordStore(dataSource()).head()).isEqualTo(new AuditRecordStore.Head(1, existing.hash()));
    }

    @Test
    void aBatchAgainstAnUnreachableDatabaseFailsClosed() {
        JdbcAuditLog log = activatedLog(FailingDataSource.down());

        assertThatThrownBy(() -> log.appendAll(List.of(TestEntries.systemQuery("05902823095", "b"))))
                .isInstanceOf(AuditUnavailableException.class)
                .hasRootCauseMessage("java.sql.SQLException: Connection refused");
    }

    @Test
    void anEmptyBatchWritesNothing() throws Exception {
        JdbcAuditLog log = activatedLog(dataSource());

        assertThat(log.appendAll(List.of())).isEmpty();

        assertThat(count("kjb_audit_record")).isZero();
    }

    @Test
    void concurrentBatchesAndSingleAppendsInterleaveOnlyBetweenBatches() throws Exception {
        JdbcAuditLog log = activatedLog(dataSource());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<List<AuditReceipt>>> batches = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String correlation = "batch-" + t;
            batches.add(pool.submit(() -> {
                List<AuditReceipt> mine = new ArrayList<>();
                for (int b = 0; b < 5; b++) {
                    List<AuditEntry> batch = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        batch.add(TestEntries.systemQuery(TestEntries.PATIENT, correlation));
                    }
                    List<AuditReceipt> receipts = log.appendAll(batch);
                    // one batch takes consecutive positions: nothing else got in between
                    assertThat(receipts.get(19).sequence() - receipts.get(0).sequence()).isEqualTo(19);
                    mine.addAll(receipts);
                }
                return mine;
            }));
        }
        Future<List<AuditReceipt>> singles = pool.submit(() -> {
            List<AuditReceipt> mine = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                mine.add(log.append(TestEntries.lookup()));
            }
            return mine;
        });
        List<Long> sequences = new ArrayList<>();
        for (Future<List<AuditReceipt>> batch : batches) {
            batch.get(2, TimeUnit.MINUTES).forEach(r -> sequences.add(r.sequence()));
        }
        singles.get(2, TimeUnit.MINUTES).forEach(r -> sequences.add(r.sequence()));
        pool.shutdown();

        assertThat(sequences).hasSize(450).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).isBetween(1L, 450L));
        ChainVerifier.Result chain = log.verifyChain();
        assertThat(chain.intact()).as(chain.problem()).isTrue();
        assertThat(chain.verified()).isEqualTo(450);
    }

    private static JdbcAuditLog activatedLog(DataSource dataSource) {
        JdbcAuditLog log = new JdbcAuditLog(dataSource);
        log.activate(TestAuditConfiguration.noForwarding());
        return log;
    }

    private List<AuditRecord> records() throws SQLException {
        List<AuditRecord> records = new ArrayList<>();
        new AuditRecordStore(dataSource()).forEachRecord(1, records::add);
        return records;
    }

    private int count(String table) throws SQLException {
        try (Connection con = dataSource().getConnection(); Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
