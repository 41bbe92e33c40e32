package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private final List<AuditRecord> chain = chainOf(5);

    @Test
    void anIntactChainVerifies() {
        ChainVerifier.Result result = verify(chain, 5, chain.get(4).hash());

        assertThat(result.intact()).isTrue();
        assertThat(result.verified()).isEqualTo(5);
        assertThat(result.lastSeq()).isEqualTo(5);
        assertThat(result.brokenAtSeq()).isNull();
    }

    @Test
    void anEmptyChainVerifiesAgainstTheGenesisHead() {
        assertThat(verify(List.of(), 0, HashChain.GENESIS).intact()).isTrue();
    }

    @Test
    void aChangedFieldIsFoundAtItsRecord() {
        List<AuditRecord> tampered = new ArrayList<>(chain);
        AuditRecord r = tampered.get(2);
        tampered.set(2, new AuditRecord(r.seq(), r.reference(), r.eventType(), r.recordedAt(), r.correlationId(),
                r.kommunenummer(), r.orgnr(), r.adapterId(), r.sourceSystem(), r.actorType(), "9100001",
                r.actorName(), r.professionOrRole(), r.serviceContext(), r.accessBasis(), r.patientId(),
                r.sections(), r.outcome(), r.reasonCode(), r.reason(), r.markedForReview(), r.prevHash(), r.hash()));

        ChainVerifier.Result result = verify(tampered, 5, chain.get(4).hash());

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(3);
        assertThat(result.verified()).isEqualTo(2);
        assertThat(result.problem()).contains("field was changed");
    }

    @Test
    void aRecordRehashedAfterAChangeBreaksTheNextLink() {
        List<AuditRecord> tampered = new ArrayList<>(chain);
        AuditRecord changed = AuditRecord.chained(TestEntries.withReason("edited"), 3, chain.get(1).hash());
        tampered.set(2, changed);

        ChainVerifier.Result result = verify(tampered, 5, chain.get(4).hash());

        assertThat(result.brokenAtSeq()).isEqualTo(4);
        assertThat(result.problem()).contains("prev_hash");
    }

    @Test
    void aDeletedRecordIsFoundAsAGap() {
        List<AuditRecord> tampered = new ArrayList<>(chain);
        tampered.remove(1);

        ChainVerifier.Result result = verify(tampered, 5, chain.get(4).hash());

        assertThat(result.brokenAtSeq()).isEqualTo(3);
        assertThat(result.problem()).contains("expected seq 2");
    }

    @Test
    void reorderedRecordsAreFound() {
        List<AuditRecord> tampered = new ArrayList<>(chain);
        tampered.set(1, chain.get(2));
        tampered.set(2, chain.get(1));

        ChainVerifier.Result result = verify(tampered, 5, chain.get(4).hash());

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(3);
    }

    @Test
    void recordsDeletedFromTheEndAreFoundByTheHead() {
        ChainVerifier.Result result = verify(chain.subList(0, 3), 5, chain.get(4).hash());

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(4);
        assertThat(result.problem()).contains("head says seq 5");
    }

    private static ChainVerifier.Result verify(List<AuditRecord> records, long headSeq, String headHash) {
        ChainVerifier verifier = new ChainVerifier();
        records.forEach(verifier::accept);
        return verifier.finish(headSeq, headHash);
    }

    private static List<AuditRecord> chainOf(int n) {
        List<AuditRecord> records = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            AuditRecord r = AuditRecord.chained(TestEntries.withReason("record " + seq), seq, prev);
            records.add(r);
            prev = r.hash();
        }
        return records;
    }
}
