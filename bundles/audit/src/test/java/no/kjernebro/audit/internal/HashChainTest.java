package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.Outcome;
import org.junit.jupiter.api.Test;

class HashChainTest {

    @Test
    void theSameRecordAlwaysHashesTheSame() {
        AuditRecord a = AuditRecord.chained(TestEntries.lookup(), 1, HashChain.GENESIS);
        AuditRecord b = AuditRecord.chained(TestEntries.lookup(), 1, HashChain.GENESIS);

        assertThat(a.hash()).isEqualTo(b.hash()).matches("[0-9a-f]{64}");
        assertThat(HashChain.hash(a)).isEqualTo(a.hash());
    }

    @Test
    void theHashDependsOnThePreviousHash() {
        AuditRecord first = AuditRecord.chained(TestEntries.lookup(), 1, HashChain.GENESIS);
        AuditRecord second = AuditRecord.chained(TestEntries.lookup(), 2, first.hash());
        AuditRecord secondElsewhere = AuditRecord.chained(TestEntries.lookup(), 2, "1".repeat(64));

        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isNotEqualTo(secondElsewhere.hash()).isNotEqualTo(first.hash());
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        AuditRecord base = AuditRecord.chained(TestEntries.lookup(), 1, HashChain.GENESIS);
        AuditRecord otherPatient = AuditRecord.chained(
                TestEntries.lookup(TestEntries.D_NUMBER_PATIENT, Outcome.ALLOWED, "HPMOTTATTSAMTYKKE"), 1, HashChain.GENESIS);
        AuditRecord otherBasis = AuditRecord.chained(
                TestEntries.lookup(TestEntries.PATIENT, Outcome.ALLOWED, "HPAKUTT"), 1, HashChain.GENESIS);

        assertThat(otherPatient.hash()).isNotEqualTo(base.hash());
        assertThat(otherBasis.hash()).isNotEqualTo(base.hash());
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditRecord r = AuditRecord.chained(TestEntries.lookup(), 1, HashChain.GENESIS);
        AuditRecord ab = copy(r, "ab", "c");
        AuditRecord a = copy(r, "a", "bc");
        AuditRecord empty = copy(r, "", "abc");
        AuditRecord nul = copy(r, null, "abc");

        assertThat(HashChain.canonical(ab)).isNotEqualTo(HashChain.canonical(a));
        assertThat(HashChain.hash(empty)).isNotEqualTo(HashChain.hash(nul));
    }

    @Test
    void canonicalFormIsVersionedLengthPrefixedUtf8() {
        AuditRecord r = AuditRecord.chained(TestEntries.withActorName("Siv Ø").with("Avd. 2", "Kari Testpasient",
                "sak 2025/17"), 7, "5601", 3, HashChain.GENESIS);

        String canonical = new String(HashChain.canonical(r), StandardCharsets.UTF_8);

        assertThat(canonical).startsWith("kjb-audit-v2\n1:7\n16:KJB-000000000007\n4:5601\n1:3\n14:PATIENT_LOOKUP\n")
                .contains("\n6:Siv Ø\n") // Ø is two bytes in UTF-8
                .contains("\n27:2025-03-02T10:15:30.123456Z\n")
                .contains("\n-\n") // null reason code
                .endsWith("\n5:false\n6:Avd. 2\n16:Kari Testpasient\n11:sak 2025/17\n");
    }

    @Test
    void unitPatientNameAndPurposeAndThePositionAreCovered() {
        AuditEntry entry = TestEntries.lookup();
        AuditRecord base = AuditRecord.chained(entry.with("Avd. 2", "Kari", "p"), 1, "5601", 1, HashChain.GENESIS);

        assertThat(AuditRecord.chained(entry.with("Avd. 3", "Kari", "p"), 1, "5601", 1, HashChain.GENESIS).hash())
                .isNotEqualTo(base.hash());
        assertThat(AuditRecord.chained(entry.with("Avd. 2", "Kira", "p"), 1, "5601", 1, HashChain.GENESIS).hash())
                .isNotEqualTo(base.hash());
        assertThat(AuditRecord.chained(entry.with("Avd. 2", "Kari", "q"), 1, "5601", 1, HashChain.GENESIS).hash())
                .isNotEqualTo(base.hash());
        assertThat(AuditRecord.chained(entry.with("Avd. 2", "Kari", "p"), 1, "5601", 2, HashChain.GENESIS).hash())
                .isNotEqualTo(base.hash());
        assertThat(AuditRecord.chained(entry.with("Avd. 2", "Kari", "p"), 1, "5503", 1, HashChain.GENESIS).hash())
                .isNotEqualTo(base.hash());
    }

    /** Records of schema 1 must keep verifying: these hashes were computed by the schema-1 code. */
    @Test
    void legacyRecordsHashExactlyAsSchemaOneDid() {
        AuditRecord first = LegacyV1Fixture.v1(TestEntries.lookup(), 1, HashChain.GENESIS);
        AuditRecord second = LegacyV1Fixture.v1(TestEntries.caseWorkerRefused(), 2, first.hash());

        assertThat(first.hash()).isEqualTo("8febddf4b0c1107580c20fa286beb42bd62efdd331abc565febaf1becabf96e6");
        assertThat(second.hash()).isEqualTo("a6a5be957447cdebaad8586eff7b8ac945ddf83be7b0e2a154a920076ca0ca45");
        assertThat(new String(HashChain.canonical(first), StandardCharsets.UTF_8))
                .startsWith("kjb-audit-v1\n1:1\n16:KJB-000000000001\n14:PATIENT_LOOKUP\n");
    }

    @Test
    void anUnknownCanonicalVersionIsRefused() {
        AuditRecord r = AuditRecord.chained(TestEntries.lookup(), 1, HashChain.GENESIS);
        AuditRecord future = new AuditRecord(r.seq(), r.reference(), r.chain(), r.chainSeq(), 9, r.eventType(),
                r.recordedAt(), r.correlationId(), r.kommunenummer(), r.orgnr(), r.adapterId(), r.sourceSystem(),
                r.actorType(), r.actorId(), r.actorName(), r.professionOrRole(), r.serviceContext(), r.accessBasis(),
                r.patientId(), r.sections(), r.outcome(), r.reasonCode(), r.reason(), r.markedForReview(), r.unit(),
                r.patientName(), r.purpose(), r.prevHash(), r.hash());

        assertThatThrownBy(() -> HashChain.hash(future)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9");
    }

    @Test
    void timesAreTruncatedToMicrosecondsBeforeHashing() {
        AuditRecord r = AuditRecord.chained(TestEntries.lookup(), 1, HashChain.GENESIS);

        assertThat(r.recordedAt()).isEqualTo(Instant.parse("2025-03-02T10:15:30.123456Z"));
        assertThat(HashChain.instant(Instant.parse("2025-03-02T10:15:30Z"))).isEqualTo("2025-03-02T10:15:30.000000Z");
    }

    @Test
    void referenceIsStableAndZeroPadded() {
        assertThat(AuditRecord.reference(42)).isEqualTo("KJB-000000000042");
    }

    @Test
    void toStringNeverShowsTheIdentityNumber() {
        AuditRecord r = AuditRecord.chained(TestEntries.lookup(), 1, HashChain.GENESIS);

        assertThat(r.toString()).doesNotContain(TestEntries.PATIENT).contains("*********95");
        assertThat(r.patientId()).isEqualTo(TestEntries.PATIENT);
    }

    private static AuditRecord copy(AuditRecord r, String actorName, String professionOrRole) {
        return new AuditRecord(r.seq(), r.reference(), r.chain(), r.chainSeq(), r.canonicalVersion(), r.eventType(),
                r.recordedAt(), r.correlationId(), r.kommunenummer(), r.orgnr(), r.adapterId(), r.sourceSystem(),
                r.actorType(), r.actorId(), actorName, professionOrRole, r.serviceContext(), r.accessBasis(),
                r.patientId(), r.sections(), r.outcome(), r.reasonCode(), r.reason(), r.markedForReview(), r.unit(),
                r.patientName(), r.purpose(), r.prevHash(), null);
    }
}
