package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.audit.AuditCheckpoint;
import no.kjernebro.api.audit.ChainVerification;
import no.kjernebro.api.audit.ChainVerification.Problem;
import org.junit.jupiter.api.Test;

/** The walk over one chain, in memory: what each kind of tampering looks like. */
class ChainVerifierTest {

    private static final CheckpointKeys KEYS = TestKeys.ec();
    private final List<AuditRecord> chain = chainOf(5);

    @Test
    void anIntactChainVerifiesAgainstItsHeadAndCheckpoint() throws Exception {
        ChainVerification result = walk(chain, head(5), checkpointAt(5));

        assertThat(result.intact()).isTrue();
        assertThat(result.problem()).isEqualTo(Problem.NONE);
        assertThat(result.recordsChecked()).isEqualTo(5);
        assertThat(result.fromChainSeq()).isEqualTo(1);
        assertThat(result.toChainSeq()).isEqualTo(5);
        assertThat(result.checkpoint().chainSeq()).isEqualTo(5);
    }

    @Test
    void aChangedFieldIsAHashMismatchAtItsRecord() {
        List<AuditRecord> tampered = new ArrayList<>(chain);
        AuditRecord r = tampered.get(2);
        tampered.set(2, new AuditRecord(r.seq(), r.reference(), r.chain(), r.chainSeq(), r.canonicalVersion(),
                r.eventType(), r.recordedAt(), r.correlationId(), r.kommunenummer(), r.orgnr(), r.adapterId(),
                r.sourceSystem(), r.actorType(), "9100001", r.actorName(), r.professionOrRole(), r.serviceContext(),
                r.accessBasis(), r.patientId(), r.sections(), r.outcome(), r.reasonCode(), r.reason(),
                r.markedForReview(), r.unit(), r.patientName(), r.purpose(), r.prevHash(), r.hash()));

        ChainVerification result = walk(tampered, head(5), null);

        assertThat(result.problem()).isEqualTo(Problem.HASH_MISMATCH);
        assertThat(result.atChainSeq()).isEqualTo(3);
        assertThat(result.reference()).isEqualTo(r.reference());
        assertThat(result.recordsChecked()).isEqualTo(2);
        assertThat(result.detail()).contains("position 3", r.reference(), "altered");
    }

    @Test
    void aRecordRehashedAfterAChangeBreaksTheNextLink() {
        List<AuditRecord> tampered = new ArrayList<>(chain);
        tampered.set(2, AuditRecord.chained(TestEntries.withReason("edited"), 3, "5601", 3, chain.get(1).hash()));

        ChainVerification result = walk(tampered, head(5), null);

        assertThat(result.problem()).isEqualTo(Problem.BROKEN_LINK);
        assertThat(result.atChainSeq()).isEqualTo(4);
    }

    @Test
    void aMissingPositionIsAGap() {
        List<AuditRecord> tampered = new ArrayList<>(chain);
        tampered.remove(1);

        ChainVerification result = walk(tampered, head(5), null);

        assertThat(result.problem()).isEqualTo(Problem.GAP);
        assertThat(result.atChainSeq()).isEqualTo(2);
        assertThat(result.reference()).isNull();
        assertThat(result.detail()).contains("position 2 is missing", chain.get(0).reference(), chain.get(2).reference());
    }

    @Test
    void tailMissingAgainstTheHeadRow() {
        ChainVerification result = walk(chain.subList(0, 3), head(5), null);

        assertThat(result.problem()).isEqualTo(Problem.MISSING_TAIL);
        assertThat(result.atChainSeq()).isEqualTo(4);
        assertThat(result.detail()).contains("head row says position 5");
    }

    @Test
    void tailMissingAgainstACheckpointEvenWhenTheHeadWasRewound() throws Exception {
        ChainVerification result = walk(chain.subList(0, 3), head(3), checkpointAt(5));

        assertThat(result.problem()).isEqualTo(Problem.MISSING_TAIL);
        assertThat(result.atChainSeq()).isEqualTo(4);
        assertThat(result.detail()).contains("covers position 5", "records 4 to 5");
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsABadSignature() throws Exception {
        AuditCheckpoint forged = TestKeys.attacker().sign("5601", 5, chain.get(4).hash(), 5, Instant.now());

        ChainVerification result = walk(chain, head(5), forged);

        assertThat(result.problem()).isEqualTo(Problem.BAD_SIGNATURE);
        assertThat(result.atChainSeq()).isEqualTo(5);
    }

    @Test
    void aGenuineCheckpointOfOtherContentIsACheckpointMismatch() throws Exception {
        AuditCheckpoint other = KEYS.sign("5601", 4, "ab".repeat(32), 4, Instant.now());

        ChainVerification result = walk(chain, head(5), other);

        assertThat(result.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
        assertThat(result.atChainSeq()).isEqualTo(4);
        assertThat(result.detail()).contains("rewritten");
    }

    private ChainVerification walk(List<AuditRecord> records, AuditRecordStore.ChainHead head,
                                   AuditCheckpoint checkpoint) {
        ChainVerifier.Walk walk = new ChainVerifier.Walk("5601", KEYS);
        for (AuditRecord record : records) {
            if (!walk.accept(record)) {
                return walk.result();
            }
            if (checkpoint != null && checkpoint.chainSeq() == record.chainSeq() && !walk.check(checkpoint, record)) {
                return walk.result();
            }
        }
        boolean beyond = checkpoint != null && checkpoint.chainSeq() > walk.last();
        walk.end(head, beyond ? checkpoint : null);
        return walk.result();
    }

    private AuditRecordStore.ChainHead head(int position) {
        return new AuditRecordStore.ChainHead("5601", position, chain.get(position - 1).hash(), position, 0);
    }

    private AuditCheckpoint checkpointAt(int position) throws Exception {
        return KEYS.sign("5601", position, chain.get(position - 1).hash(), position, Instant.now());
    }

    private static List<AuditRecord> chainOf(int n) {
        List<AuditRecord> records = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditRecord r = AuditRecord.chained(TestEntries.withReason("record " + i), 10 + i, "5601", i, prev);
            records.add(r);
            prev = r.hash();
        }
        return records;
    }
}
