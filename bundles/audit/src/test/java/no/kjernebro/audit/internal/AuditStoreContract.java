package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.audit.ChainVerification;
import org.junit.jupiter.api.Test;

/** The store's behaviour (migrations, chains, grouped commits, failing closed), run against each database. */
abstract class AuditStoreContract extends StoreFixture {

    @Test
    void anEmptyDatabaseMigratesToTheCurrentVersionOnceAndOnlyOnce() throws SQLException {
        assertThat(AuditSchema.migrate(dataSource())).isEqualTo(AuditSchema.VERSION);
        new AuditRecordStore(dataSource()).append(TestEntries.lookup());

        assertThat(AuditSchema.migrate(dataSource())).isEqualTo(AuditSchema.VERSION);

        assertThat(longValue("SELECT COUNT(*) FROM kjb_audit_schema_version")).isEqualTo(2);
        assertThat(count("kjb_audit_record")).isEqualTo(1);
        assertThat(count("kjb_audit_chain_head")).isEqualTo(1);
        assertThat(new AuditRecordStore(dataSource()).head().lastSeq()).isEqualTo(1);
    }

    @Test
    void nodesStartingTogetherMigrateOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> versions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            versions.add(pool.submit(() -> AuditSchema.migrate(dataSource())));
        }
        for (Future<Integer> version : versions) {
            assertThat(version.get(1, TimeUnit.MINUTES)).isEqualTo(AuditSchema.VERSION);
        }
        pool.shutdown();

        assertThat(count("kjb_audit_schema_version")).isEqualTo(2);
        assertThat(count("kjb_audit_chain_head")).isEqualTo(1);
    }

    @Test
    void aSchemaNewerThanThisBuildIsRefused() throws SQLException {
        AuditSchema.migrate(dataSource());
        tamper("INSERT INTO kjb_audit_schema_version (version, applied_at) VALUES (99, CURRENT_TIMESTAMP)");

        assertThatThrownBy(() -> AuditSchema.migrate(dataSource()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("version 99")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("KJB03");
    }

    @Test
    void aVersionOneDatabaseMigratesAndItsRecordsStayVerifiableAsTheLegacyChain() throws Exception {
        List<AuditEntry> old = List.of(TestEntries.lookup(), TestEntries.caseWorkerRefused(),
                TestEntries.administration());
        String lastHash = LegacyV1Fixture.write(dataSource(), old);

        JdbcAuditLog log = activatedLog(dataSource());
        AuditReceipt next = log.append(TestEntries.lookup());

        assertThat(next.sequence()).isEqualTo(4);
        assertThat(next.reference()).isEqualTo("KJB-000000000004");
        List<AuditRecord> legacy = chain(AuditRecord.LEGACY_CHAIN);
        assertThat(legacy).extracting(AuditRecord::chainSeq).containsExactly(1L, 2L, 3L);
        assertThat(legacy).extracting(AuditRecord::canonicalVersion).containsOnly(1);
        assertThat(legacy.get(2).hash()).isEqualTo(lastHash);
        assertThat(chain("5601")).extracting(AuditRecord::chainSeq).containsExactly(1L);
        assertThat(chain("5601").get(0).prevHash()).isEqualTo(HashChain.GENESIS);
        AuditTrailService trail = new AuditTrailService(dataSource(), java.time.Clock.systemUTC());
        trail.useKeys(TestKeys.none());
        ChainVerification legacyChain = trail.verify(AuditRecord.LEGACY_CHAIN);
        assertThat(legacyChain.intact()).as(legacyChain.detail()).isTrue();
        assertThat(legacyChain.recordsChecked()).isEqualTo(3);
        assertThat(trail.verify("5601").intact()).isTrue();
        assertThat(new AuditOutboxRows(dataSource()).count()).isEqualTo(4);
    }

    @Test
    void eachTenantHasItsOwnGapFreeChainAndGlobalSeqFollowsCommitOrder() throws Exception {
        JdbcAuditLog log = activatedLog(dataSource());

        AuditReceipt a1 = log.append(TestEntries.lookup());
        AuditReceipt b1 = log.append(TestEntries.inTenant("5503"));
        AuditReceipt a2 = log.append(TestEntries.caseWorkerRefused());
        AuditReceipt s1 = log.append(TestEntries.inTenant(null));
        AuditReceipt u1 = log.append(TestEntries.inTenant("oslo'; DROP TABLE x"));

        assertThat(List.of(a1, b1, a2, s1, u1)).extracting(AuditReceipt::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(chain("5601")).extracting(AuditRecord::chainSeq).containsExactly(1L, 2L);
        assertThat(chain("5601").get(1).prevHash()).isEqualTo(a1.hash());
        assertThat(chain("5503")).extracting(AuditRecord::seq).containsExactly(2L);
        assertThat(chain("5503").get(0).prevHash()).isEqualTo(HashChain.GENESIS);
        // records that name no kommunenummer, or something else, share the system chain
        assertThat(chain(AuditEntry.SYSTEM_CHAIN)).extracting(AuditRecord::seq).containsExactly(4L, 5L);
        AuditRecordStore store = new AuditRecordStore(dataSource());
        assertThat(store.chainHead("5601").orElseThrow())
                .isEqualTo(new AuditRecordStore.ChainHead("5601", 2, a2.hash(), 3, 0));
        assertThat(store.head()).isEqualTo(new AuditRecordStore.Head(5, u1.hash()));
        assertThat(new AuditOutboxRows(dataSource()).count()).isEqualTo(5);
    }

    @Test
    void storedRecordsReadBackExactlyAsHashed() throws Exception {
        AuditSchema.migrate(dataSource());
        AuditRecordStore store = new AuditRecordStore(dataSource());
        store.append(TestEntries.lookup().with("Avdeling 2 øst", "Kari Testpasient", "Tiltaksplan, sak 2025/117"));
        store.append(TestEntries.administration());
        store.append(TestEntries.withActorName("Siv Ærlighet-Østby \uD83D\uDE00"));
        store.append(TestEntries.withReason("x".repeat(5000) + "\u0000"));

        List<AuditRecord> stored = records();

        AuditRecord first = stored.get(0);
        assertThat(first.patientId()).isEqualTo(TestEntries.PATIENT);
        assertThat(first.recordedAt()).isEqualTo(TestEntries.TIME.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(first.sections()).isEqualTo("PERSONALIA,LEGEMIDLER,KRITISK_INFORMASJON");
        assertThat(first.unit()).isEqualTo("Avdeling 2 øst");
        assertThat(first.patientName()).isEqualTo("Kari Testpasient");
        assertThat(first.purpose()).isEqualTo("Tiltaksplan, sak 2025/117");
        assertThat(first.canonicalVersion()).isEqualTo(HashChain.CURRENT_VERSION);
        assertThat(first.toStored().entry()).isEqualTo(TestEntries.at(TestEntries.lookup()
                .with("Avdeling 2 øst", "Kari Testpasient", "Tiltaksplan, sak 2025/117"), first.recordedAt()));
        assertThat(stored.get(1).patientId()).isNull();
        assertThat(stored.get(2).actorName()).isEqualTo("Siv Ærlighet-Østby \uD83D\uDE00");
        assertThat(stored.get(3).reason()).hasSize(AuditSchema.REASON);
        for (AuditRecord r : stored) {
            assertThat(HashChain.hash(r)).isEqualTo(r.hash());
        }
    }

    @Test
    void concurrentAppendsFormContiguousChains() throws Exception {
        JdbcAuditLog log = activatedLog(dataSource());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<List<AuditReceipt>>> results = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            String tenant = t % 2 == 0 ? "5601" : "5503";
            Callable<List<AuditReceipt>> worker = () -> {
                List<AuditReceipt> mine = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    mine.add(log.append(TestEntries.inTenant(tenant)));
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

        assertThat(sequences).hasSize(640).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).isBetween(1L, 640L));
        assertThat(chain("5601")).extracting(AuditRecord::chainSeq)
                .containsExactlyElementsOf(rangeClosed(1, 320));
        assertThat(chain("5503")).extracting(AuditRecord::chainSeq)
                .containsExactlyElementsOf(rangeClosed(1, 320));
        assertThat(log.groupsCommitted()).isBetween(1L, 640L);
        assertIntact("5601", 320);
        assertIntact("5503", 320);
        assertThat(new AuditOutboxRows(dataSource()).count()).isEqualTo(640);
    }

    @Test
    void aFailureHalfWayWritesNothingAndFailsClosed() throws Exception {
        AuditSchema.migrate(dataSource());
        new AuditRecordStore(dataSource()).append(TestEntries.lookup());
        JdbcAuditLog log = activatedLog(FailingDataSource.failingOn(dataSource(), "kjb_audit_outbox"));

        assertThatThrownBy(() -> log.append(TestEntries.lookup()))
                .isInstanceOf(AuditUnavailableException.class)
                .hasRootCauseMessage("java.sql.SQLException: disk full (injected)");

        assertThat(count("kjb_audit_record")).isEqualTo(1);
        assertThat(count("kjb_audit_outbox")).isEqualTo(1);
        assertThat(new AuditRecordStore(dataSource()).head().lastSeq()).isEqualTo(1);
        assertThat(new AuditRecordStore(dataSource()).chainHead("5601").orElseThrow().lastChainSeq()).isEqualTo(1);
        assertIntact("5601", 1);
    }

    @Test
    void anUnreachableDatabaseFailsClosed() {
        JdbcAuditLog log = activatedLog(FailingDataSource.down());

        assertThatThrownBy(() -> log.append(TestEntries.lookup()))
                .isInstanceOf(AuditUnavailableException.class)
                .hasRootCauseMessage("java.sql.SQLException: Connection refused");
    }

    @Test
    void aHangingDatabaseFailsClosedAfterTheCommitTimeoutAndAWithdrawnEntryIsNeverWritten() throws Exception {
        AuditSchema.migrate(dataSource());
        CountDownLatch release = new CountDownLatch(1);
        SwitchableDataSource switchable = new SwitchableDataSource(dataSource());
        JdbcAuditLog log = activatedLog(switchable, TestAuditConfiguration.noForwarding().commitTimeoutMs(300));
        switchable.target = FailingDataSource.hangingUntil(release, dataSource());
        ExecutorService pool = Executors.newSingleThreadExecutor();

        Future<?> inFlight = pool.submit(() -> log.append(TestEntries.inTenant("5601")));
        assertThatThrownBy(() -> inFlight.get(1, TimeUnit.MINUTES))
                .hasCauseInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("did not finish").hasMessageContaining("may still be committed");
        assertThatThrownBy(() -> log.append(TestEntries.inTenant("5503")))
                .isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("did not start the commit").hasMessageContaining("nothing written");
        release.countDown();
        switchable.target = dataSource();
        AuditReceipt after = log.append(TestEntries.inTenant("5503"));
        pool.shutdown();

        // the commit that was under way finished; the withdrawn one never ran
        assertThat(records()).extracting(AuditRecord::chain).containsExactly("5601", "5503");
        assertThat(after.sequence()).isEqualTo(2);
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
    void appendAllCommitsTheBatchInOrder() throws Exception {
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
        List<AuditRecord> stored = chain("5601");
        assertThat(stored).extracting(AuditRecord::patientId)
                .containsExactly(TestEntries.PATIENT, "05902823095", "21874614847", "12861550182", null);
        assertThat(stored.get(1).prevHash()).isEqualTo(before.hash());
        assertThat(stored.get(4).prevHash()).isEqualTo(receipts.get(2).hash());
        assertThat(new AuditOutboxRows(dataSource()).count()).isEqualTo(5);
        assertIntact("5601", 5);
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
        assertThat(receipts.get(4999).sequence()).isEqualTo(5000);
        assertThat(count("kjb_audit_record")).isEqualTo(5000);
        assertThat(new AuditRecordStore(dataSource()).chainHead("5601").orElseThrow().lastHash())
                .isEqualTo(receipts.get(4999).hash());
        assertIntact("5601", 5000);
    }

    @Test
    void aBatchThatFailsHalfWayWritesNoneOfIt() throws Exception {
        AuditSchema.migrate(dataSource());
        AuditReceipt existing = new AuditRecordStore(dataSource()).append(TestEntries.lookup());
        JdbcAuditLog log = activatedLog(FailingDataSource.failingOn(dataSource(), "kjb_audit_outbox"));
        List<AuditEntry> batch = List.of(TestEntries.systemQuery("05902823095", "b"),
                TestEntries.systemQuery("21874614847", "b"));

        assertThatThrownBy(() -> log.appendAll(batch))
                .isInstanceOf(AuditUnavailableException.class)
                .hasRootCauseMessage("java.sql.SQLException: disk full (injected)");

        assertThat(count("kjb_audit_record")).isEqualTo(1);
        assertThat(new AuditRecordStore(dataSource()).head()).isEqualTo(new AuditRecordStore.Head(1, existing.hash()));
    }

    @Test
    void anEmptyBatchWritesNothing() throws Exception {
        JdbcAuditLog log = activatedLog(dataSource());

        assertThat(log.appendAll(List.of())).isEmpty();

        assertThat(count("kjb_audit_record")).isZero();
    }

    @Test
    void concurrentBatchesAreNeverInterleaved() throws Exception {
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

        assertThat(sequences).hasSize(450).doesNotHaveDuplicates();
        assertIntact("5601", 450);
    }

    @Test
    void theApplicationCannotUpdateOrDeleteRecordsOrCheckpoints() throws Exception {
        JdbcAuditLog log = activatedLog(dataSource());
        log.append(TestEntries.lookup());
        DataSource guarded = new AppendOnlyDataSource(dataSource());
        Map<String, String> attempts = Map.of(
                "update", "UPDATE kjb_audit_record SET actor_id = '9100001'",
                "delete", "DELETE FROM kjb_audit_record WHERE seq = 1",
                "qualified, with a comment", "/* tidy */ delete from PUBLIC.KJB_AUDIT_RECORD",
                "truncate", "TRUNCATE TABLE kjb_audit_record",
                "checkpoint", "DELETE FROM kjb_audit_checkpoint",
                "drop", "DROP TABLE kjb_audit_record");

        for (Map.Entry<String, String> attempt : attempts.entrySet()) {
            try (Connection con = guarded.getConnection(); Statement st = con.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate(attempt.getValue())).as(attempt.getKey())
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only")
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(AppendOnlyDataSource.SQLSTATE);
            }
            try (Connection con = guarded.getConnection()) {
                assertThatThrownBy(() -> con.prepareStatement(attempt.getValue())).as(attempt.getKey())
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            }
        }
        // what the outbox needs stays allowed
        try (Connection con = guarded.getConnection(); Statement st = con.createStatement()) {
            assertThat(st.executeUpdate("UPDATE kjb_audit_outbox SET attempts = 1 WHERE seq = 1")).isEqualTo(1);
            assertThat(st.executeUpdate("DELETE FROM kjb_audit_outbox WHERE seq IN (SELECT seq FROM kjb_audit_record)"))
                    .isEqualTo(1);
        }
        assertThat(chain("5601").get(0).actorId()).isEqualTo("9100002");
    }

    private void assertIntact(String chain, long records) throws Exception {
        AuditTrailService trail = new AuditTrailService(dataSource(), java.time.Clock.systemUTC());
        trail.useKeys(TestKeys.none());
        ChainVerification result = trail.verify(chain);
        assertThat(result.intact()).as(result.detail()).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(records);
    }

    private static List<Long> rangeClosed(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().collect(Collectors.toList());
    }

    /** Counts outbox rows (the forwarder's table; its own classes belong to the forwarding package). */
    static final class AuditOutboxRows {
        private final DataSource dataSource;

        AuditOutboxRows(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        long count() throws SQLException {
            try (Connection con = dataSource.getConnection(); Statement st = con.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM kjb_audit_outbox")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
