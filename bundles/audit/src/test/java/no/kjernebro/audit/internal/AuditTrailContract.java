package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.kjernebro.api.audit.AuditCheckpoint;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditEntry.EventType;
import no.kjernebro.api.audit.AuditPage;
import no.kjernebro.api.audit.AuditQuery;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.audit.ChainVerification;
import no.kjernebro.api.audit.ChainVerification.Problem;
import no.kjernebro.api.audit.ForwardingStatus;
import no.kjernebro.api.audit.PurgeReport;
import no.kjernebro.api.audit.StoredAuditRecord;
import no.kjernebro.api.lookup.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read side against each database: verification finds each kind of tampering (done with direct
 * SQL, bypassing the guard and, on PostgreSQL, the triggers), checkpoints, search and the purge.
 */
abstract class AuditTrailContract extends StoreFixture {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
    private JdbcAuditLog log;
    private AuditTrailService trail;

    @BeforeEach
    void openTrail() {
        log = activatedLog(dataSource());
        trail = new AuditTrailService(dataSource(), clock);
        trail.useKeys(TestKeys.ec());
    }

    private List<AuditReceipt> appendFive(String tenant) throws Exception {
        List<AuditReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            receipts.add(log.append(TestEntries.inTenant(tenant)));
        }
        return receipts;
    }

    // -------- verification and tampering

    @Test
    void anIntactChainVerifiesAgainstItsNewestCheckpoint() throws Exception {
        appendFive("5601");
        AuditCheckpoint checkpoint = trail.checkpoint("5601");
        log.append(TestEntries.inTenant("5601"));

        ChainVerification result = trail.verify("5601");

        assertThat(result.intact()).as(result.detail()).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(6);
        assertThat(result.toChainSeq()).isEqualTo(6);
        assertThat(result.checkpoint()).isEqualTo(checkpoint);
        assertThat(checkpoint.chainSeq()).isEqualTo(5);
        assertThat(checkpoint.count()).isEqualTo(5);
        assertThat(checkpoint.algorithm()).isEqualTo("SHA256withECDSA");
        assertThat(checkpoint.keyId()).isEqualTo(TestKeys.KEY_ID);
    }

    @Test
    void anAlteredRecordIsAHashMismatch() throws Exception {
        List<AuditReceipt> receipts = appendFive("5601");
        trail.checkpoint("5601");

        tamper("UPDATE kjb_audit_record SET actor_id = '9100001' WHERE chain = '5601' AND chain_seq = 3");

        ChainVerification result = trail.verify("5601");
        assertThat(result.problem()).isEqualTo(Problem.HASH_MISMATCH);
        assertThat(result.atChainSeq()).isEqualTo(3);
        assertThat(result.reference()).isEqualTo(receipts.get(2).reference());
        assertThat(result.detail()).contains("altered");
    }

    @Test
    void aDeletedRecordIsAGap() throws Exception {
        List<AuditReceipt> receipts = appendFive("5601");

        deleteRecord(receipts.get(2).sequence());

        ChainVerification result = trail.verify("5601");
        assertThat(result.problem()).isEqualTo(Problem.GAP);
        assertThat(result.atChainSeq()).isEqualTo(3);
        assertThat(result.detail()).contains(receipts.get(1).reference(), receipts.get(3).reference());
    }

    @Test
    void swappedRecordsAreABrokenLink() throws Exception {
        List<AuditReceipt> receipts = appendFive("5601");

        tamper("UPDATE kjb_audit_record SET chain_seq = 1000 WHERE chain = '5601' AND chain_seq = 2",
                "UPDATE kjb_audit_record SET chain_seq = 2 WHERE chain = '5601' AND chain_seq = 3",
                "UPDATE kjb_audit_record SET chain_seq = 3 WHERE chain = '5601' AND chain_seq = 1000");

        ChainVerification result = trail.verify("5601");
        assertThat(result.problem()).isEqualTo(Problem.BROKEN_LINK);
        assertThat(result.atChainSeq()).isEqualTo(2);
        assertThat(result.reference()).isEqualTo(receipts.get(2).reference());
    }

    @Test
    void aTruncatedTailIsMissingAgainstTheHeadRow() throws Exception {
        List<AuditReceipt> receipts = appendFive("5601");

        deleteRecord(receipts.get(4).sequence());
        deleteRecord(receipts.get(3).sequence());

        ChainVerification result = trail.verify("5601");
        assertThat(result.problem()).isEqualTo(Problem.MISSING_TAIL);
        assertThat(result.atChainSeq()).isEqualTo(4);
        assertThat(result.toChainSeq()).isEqualTo(3);
    }

    @Test
    void aTruncatedTailWithARewoundHeadIsMissingAgainstTheCheckpoint() throws Exception {
        List<AuditReceipt> receipts = appendFive("5601");
        AuditCheckpoint checkpoint = trail.checkpoint("5601");

        deleteRecord(receipts.get(4).sequence());
        deleteRecord(receipts.get(3).sequence());
        tamper("UPDATE kjb_audit_chain SET last_chain_seq = 3, last_hash = '" + receipts.get(2).hash()
                + "' WHERE chain = '5601'");

        ChainVerification result = trail.verify("5601");
        assertThat(result.problem()).isEqualTo(Problem.MISSING_TAIL);
        assertThat(result.atChainSeq()).isEqualTo(4);
        assertThat(result.checkpoint()).isEqualTo(checkpoint);
        assertThat(result.detail()).contains("covers position 5");
    }

    @Test
    void aForgedCheckpointIsABadSignature() throws Exception {
        List<AuditReceipt> receipts = appendFive("5601");
        AuditCheckpoint forged = TestKeys.attacker().sign("5601", 5, receipts.get(4).hash(), 5, clock.instant());
        try (var con = dataSource().getConnection()) {
            CheckpointStore.insert(con, forged);
        }

        ChainVerification result = trail.verify("5601");

        assertThat(result.problem()).isEqualTo(Problem.BAD_SIGNATURE);
        assertThat(result.atChainSeq()).isEqualTo(5);
    }

    @Test
    void anEditedCheckpointIsABadSignature() throws Exception {
        appendFive("5601");
        trail.checkpoint("5601");

        tamper("UPDATE kjb_audit_checkpoint SET record_count = 4 WHERE chain = '5601'");

        assertThat(trail.verify("5601").problem()).isEqualTo(Problem.BAD_SIGNATURE);
    }

    @Test
    void aChainRewrittenConsistentlyAfterACheckpointIsACheckpointMismatch() throws Exception {
        appendFive("5601");
        trail.checkpoint("5601");
        // the attacker changes record 2 and recomputes every hash after it, and the head
        List<AuditRecord> records = chain("5601");
        String prev = records.get(0).hash();
        List<String> updates = new ArrayList<>();
        for (AuditRecord r : records.subList(1, records.size())) {
            AuditRecord rewritten = AuditRecord.chained(
                    r.chainSeq() == 2 ? TestEntries.at(TestEntries.inTenant("5601"), r.recordedAt())
                            .with(null, null, "edited") : r.toStored().entry(),
                    r.seq(), r.chain(), r.chainSeq(), prev);
            updates.add("UPDATE kjb_audit_record SET purpose = " + (rewritten.purpose() == null ? "NULL"
                    : "'" + rewritten.purpose() + "'") + ", prev_hash = '" + rewritten.prevHash() + "', hash = '"
                    + rewritten.hash() + "' WHERE seq = " + r.seq());
            prev = rewritten.hash();
        }
        updates.add("UPDATE kjb_audit_chain SET last_hash = '" + prev + "' WHERE chain = '5601'");
        tamper(updates.toArray(new String[0]));

        ChainVerification result = trail.verify("5601");

        assertThat(result.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
        assertThat(result.atChainSeq()).isEqualTo(5);
        assertThat(result.detail()).contains("rewritten");
    }

    @Test
    void aChangedHeadRowIsFound() throws Exception {
        appendFive("5601");

        tamper("UPDATE kjb_audit_chain SET last_hash = '" + "ab".repeat(32) + "' WHERE chain = '5601'");

        ChainVerification result = trail.verify("5601");
        assertThat(result.intact()).isFalse();
        assertThat(result.detail()).contains("head row");
    }

    // -------- checkpoints

    @Test
    void withoutAKeyNoCheckpointIsWrittenAndVerifySaysSo() throws Exception {
        appendFive("5601");
        trail.useKeys(TestKeys.none());

        assertThat(trail.checkpointMovedChains()).isZero();
        assertThatThrownBy(() -> trail.checkpoint("5601")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checkpoint.keyFile");
        ChainVerification result = trail.verify("5601");

        assertThat(result.intact()).isTrue();
        assertThat(result.checkpoint()).isNull();
        assertThat(result.detail()).contains("no signed checkpoint", "checkpoint.keyFile");
        assertThat(count("kjb_audit_checkpoint")).isZero();
    }

    @Test
    void aRoundCheckpointsOnlyChainsWhoseHeadMoved() throws Exception {
        appendFive("5601");
        appendFive("5503");

        assertThat(trail.checkpointMovedChains()).isEqualTo(2);
        assertThat(trail.checkpointMovedChains()).isZero();
        log.append(TestEntries.inTenant("5503"));
        assertThat(trail.checkpointMovedChains()).isEqualTo(1);

        assertThat(trail.checkpoints("5503", 10)).extracting(AuditCheckpoint::chainSeq).containsExactly(6L, 5L);
        assertThat(trail.checkpoints("5601", 10)).extracting(AuditCheckpoint::chainSeq).containsExactly(5L);
    }

    @Test
    void aChainThatDoesNotVerifyIsNotSigned() throws Exception {
        appendFive("5601");
        trail.checkpoint("5601");
        log.append(TestEntries.inTenant("5601"));
        tamper("UPDATE kjb_audit_record SET reason = 'x' WHERE chain = '5601' AND chain_seq = 6");

        assertThatThrownBy(() -> trail.checkpoint("5601")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HASH_MISMATCH");
        assertThat(trail.checkpoints("5601", 10)).hasSize(1);
    }

    @Test
    void checkpointsOfARotatedKeyVerifyWhileItIsTrusted() throws Exception {
        appendFive("5601");
        trail.useKeys(TestKeys.load("checkpoint-rsa.pem", "old-rsa"));
        trail.checkpoint("5601");
        String oldPublicKey = java.util.Base64.getEncoder().encodeToString(
                PemKeys.publicKeyOf(java.nio.file.Files.readString(TestKeys.path("checkpoint-rsa.pem")),
                        PemKeys.privateKey(java.nio.file.Files.readString(TestKeys.path("checkpoint-rsa.pem"))))
                        .orElseThrow().getEncoded());

        trail.useKeys(TestKeys.load("checkpoint-ec.pem", TestKeys.KEY_ID, "old-rsa=" + oldPublicKey));
        assertThat(trail.verify("5601").intact()).isTrue();

        trail.useKeys(TestKeys.ec());
        ChainVerification untrusted = trail.verify("5601");
        assertThat(untrusted.problem()).isEqualTo(Problem.BAD_SIGNATURE);
        assertThat(untrusted.detail()).contains("old-rsa", "not configured or trusted");
    }

    // -------- search

    @Test
    void everyFilterNarrowsTheSearch() throws Exception {
        log.append(TestEntries.lookup());
        log.append(TestEntries.lookup("21874614847", Outcome.REFUSED, "HPAKUTT"));
        log.append(TestEntries.caseWorkerRefused());
        log.append(TestEntries.inTenant("5503"));
        log.append(TestEntries.systemQuery("12861550182", "sweep-1"));
        log.append(TestEntries.administration());
        AuditQuery all = AuditQuery.all();

        assertThat(seqs(all)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(seqs(all.chain("5503"))).containsExactly(4L);
        assertThat(seqs(all.patient(TestEntries.PATIENT))).containsExactly(1L, 3L, 4L);
        assertThat(seqs(all.actor("hid-sb-5601-0001"))).containsExactly(3L);
        assertThat(seqs(all.adapter("hjemmetjeneste-json"))).containsExactly(5L);
        assertThat(seqs(all.outcome(Outcome.REFUSED))).containsExactly(2L, 3L);
        assertThat(seqs(all.accessBasis("HPAKUTT"))).containsExactly(2L);
        assertThat(seqs(all.serviceContext("TILDELINGSKONTOR"))).containsExactly(3L);
        assertThat(seqs(all.types(Set.of(EventType.SYSTEM_QUERY, EventType.ADMINISTRATION)))).containsExactly(5L, 6L);
        assertThat(seqs(all.period(TestEntries.TIME.minusSeconds(1), TestEntries.TIME.plusSeconds(1)))).hasSize(6);
        assertThat(seqs(all.period(TestEntries.TIME.plusSeconds(1), null))).isEmpty();
        assertThat(seqs(all.patient(TestEntries.PATIENT).outcome(Outcome.REFUSED))).containsExactly(3L);
    }

    @Test
    void injectionAttemptsInFiltersAreJustValuesThatMatchNothing() throws Exception {
        log.append(TestEntries.lookup());
        String[] attempts = {"' OR '1'='1", "5601' --", "x'; DELETE FROM kjb_audit_record; --", "%", "_",
            "05902823095' OR patient_id IS NOT NULL OR '"};

        for (String attempt : attempts) {
            AuditQuery query = AuditQuery.all().chain(attempt).patient(attempt).actor(attempt).adapter(attempt)
                    .accessBasis(attempt).serviceContext(attempt);
            assertThat(trail.search(query).records()).as(attempt).isEmpty();
            assertThat(trail.search(AuditQuery.all().patient(attempt)).records()).as(attempt).isEmpty();
        }
        assertThat(trail.find("KJB-000000000001' OR '1'='1")).isEmpty();
        assertThat(count("kjb_audit_record")).isEqualTo(1);
    }

    @Test
    void cursorPagingWalksBothOrdersWithoutGapsOrRepeats() throws Exception {
        for (int i = 0; i < 7; i++) {
            log.append(TestEntries.inTenant(i % 2 == 0 ? "5601" : "5503"));
        }

        assertThat(allPages(AuditQuery.all().page(0, 3))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(allPages(AuditQuery.all().page(0, 3).newestFirst(true))).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(allPages(AuditQuery.all().chain("5601").page(0, 2))).containsExactly(1L, 3L, 5L, 7L);
        AuditPage exact = trail.search(AuditQuery.all().page(0, 7));
        assertThat(exact.records()).hasSize(7);
        assertThat(exact.hasMore()).isFalse();
    }

    @Test
    void pageSizesAreBounded() {
        assertThatThrownBy(() -> AuditQuery.all().page(0, AuditQuery.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditQuery.all().page(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trail.checkpoints("5601", AuditQuery.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findChainsAndTheRecordAsStored() throws Exception {
        AuditReceipt receipt = log.append(TestEntries.lookup().with("Avd. 2", "Kari Testpasient", "sak 17"));
        log.append(TestEntries.administration());
        log.append(TestEntries.inTenant(null));

        StoredAuditRecord found = trail.find(receipt.reference()).orElseThrow();

        assertThat(found.seq()).isEqualTo(1);
        assertThat(found.chain()).isEqualTo("5601");
        assertThat(found.chainSeq()).isEqualTo(1);
        assertThat(found.hash()).isEqualTo(receipt.hash());
        assertThat(found.entry().unit()).isEqualTo("Avd. 2");
        assertThat(found.entry().patientName()).isEqualTo("Kari Testpasient");
        assertThat(found.entry().purpose()).isEqualTo("sak 17");
        assertThat(found.entry().sections()).hasSize(3);
        assertThat(trail.find("KJB-000000000099")).isEmpty();
        assertThat(trail.find("not a reference")).isEmpty();
        assertThat(trail.chains()).containsExactly("5601", AuditEntry.SYSTEM_CHAIN);
    }

    @Test
    void withoutTheForwardingComponentForwardingIsReportedDisabled() throws Exception {
        ForwardingStatus status = trail.forwarding();

        assertThat(status.enabled()).isFalse();

        trail.forwardingSource(() -> new ForwardingStatus(true, "http://x/fhir/AuditEvent", 3, null, 1, 9, null));
        assertThat(trail.forwarding().backlog()).isEqualTo(3);
    }

    // -------- retention

    @Test
    void aPurgeRemovesOnlyCheckpointedExpiredRecordsAndTheRestVerifiesFromTheCheckpoint() throws Exception {
        appendFive("5601");
        appendFive("5503");
        AuditCheckpoint anchor = trail.checkpoint("5601");
        clock.advance(Duration.ofDays(100));
        List<AuditReceipt> newer = appendFive("5601");
        trail.checkpoint("5601");
        clock.advance(Duration.ofDays(3650 - 50)); // the first checkpoint is now past retention, the second not

        PurgeReport report = trail.purgeExpired("5601", "karaf");

        assertThat(report.removed()).isEqualTo(5);
        assertThat(report.throughChainSeq()).isEqualTo(5);
        assertThat(report.anchor()).isEqualTo(anchor);
        assertThat(report.cutoff()).isEqualTo(clock.instant().minus(Duration.ofDays(3650)));
        assertThat(chain("5601")).extracting(AuditRecord::chainSeq).containsExactly(6L, 7L, 8L, 9L, 10L, 11L);
        AuditRecord purgeRecord = chain("5601").get(5);
        assertThat(purgeRecord.reference()).isEqualTo(report.purgeRecord());
        assertThat(purgeRecord.eventType()).isEqualTo("AUDIT_PURGE");
        assertThat(purgeRecord.actorId()).isEqualTo("karaf");
        assertThat(purgeRecord.reason()).contains("removed 5 records", "positions 1 to 5");
        assertThat(chain("5601").get(0).seq()).isEqualTo(newer.get(0).sequence());
        assertThat(chain("5503")).hasSize(5);
        assertThat(longValue("SELECT COUNT(*) FROM kjb_audit_outbox o JOIN kjb_audit_record r ON r.seq = o.seq"))
                .isEqualTo(count("kjb_audit_outbox"));
        ChainVerification result = trail.verify("5601");
        assertThat(result.intact()).as(result.detail()).isTrue();
        assertThat(result.fromChainSeq()).isEqualTo(6);
        assertThat(result.recordsChecked()).isEqualTo(6);
        assertThat(trail.verify("5503").intact()).isTrue();
    }

    @Test
    void withoutACheckpointBeforeTheCutOffNothingIsPurgedButThePurgeIsRecorded() throws Exception {
        appendFive("5601");
        clock.advance(Duration.ofDays(4000));
        trail.checkpoint("5601"); // written now: newer than the cut-off

        PurgeReport report = trail.purgeExpired("5601", "karaf");

        assertThat(report.removed()).isZero();
        assertThat(report.anchor()).isNull();
        assertThat(chain("5601")).hasSize(6);
        assertThat(trail.find(report.purgeRecord()).orElseThrow().entry().type()).isEqualTo(EventType.AUDIT_PURGE);
    }

    @Test
    void aChainThatDoesNotVerifyIsNotPurged() throws Exception {
        appendFive("5601");
        trail.checkpoint("5601");
        clock.advance(Duration.ofDays(4000));
        tamper("UPDATE kjb_audit_record SET reason = 'x' WHERE chain = '5601' AND chain_seq = 2");

        assertThatThrownBy(() -> trail.purgeExpired("5601", "karaf")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not verify");
        assertThat(chain("5601")).hasSize(5);
    }

    @Test
    void removingTheAnchorOrHidingThePurgeIsFound() throws Exception {
        appendFive("5601");
        trail.checkpoint("5601");
        clock.advance(Duration.ofDays(4000));
        trail.purgeExpired("5601", "karaf");

        tamper("UPDATE kjb_audit_chain SET purged_through = 0 WHERE chain = '5601'");
        ChainVerification hidden = trail.verify("5601");
        assertThat(hidden.problem()).isEqualTo(Problem.GAP);
        assertThat(hidden.atChainSeq()).isEqualTo(1);

        tamper("UPDATE kjb_audit_chain SET purged_through = 5 WHERE chain = '5601'",
                "DELETE FROM kjb_audit_checkpoint WHERE chain = '5601'");
        ChainVerification unanchored = trail.verify("5601");
        assertThat(unanchored.intact()).isFalse();
        assertThat(unanchored.detail()).contains("no checkpoint at that position");
    }

    @Test
    void aPurgeNamesItsOperator() {
        assertThatThrownBy(() -> trail.purgeExpired("5601", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trail.purgeExpired("9999", "karaf")).isInstanceOf(IllegalArgumentException.class);
    }

    private void deleteRecord(long seq) throws Exception {
        tamper("DELETE FROM kjb_audit_outbox WHERE seq = " + seq, "DELETE FROM kjb_audit_record WHERE seq = " + seq);
    }

    private List<Long> seqs(AuditQuery query) throws Exception {
        return trail.search(query).records().stream().map(StoredAuditRecord::seq).toList();
    }

    private List<Long> allPages(AuditQuery first) throws Exception {
        List<Long> seqs = new ArrayList<>();
        AuditQuery query = first;
        while (true) {
            AuditPage page = trail.search(query);
            page.records().forEach(r -> seqs.add(r.seq()));
            if (!page.hasMore()) {
                return seqs;
            }
            query = query.page(page.nextCursor(), query.limit());
        }
    }
}
