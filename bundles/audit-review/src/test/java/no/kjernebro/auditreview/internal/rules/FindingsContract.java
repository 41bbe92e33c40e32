package no.kjernebro.auditreview.internal.rules;

import static no.kjernebro.auditreview.internal.rules.Lookups.LISE;
import static no.kjernebro.auditreview.internal.rules.Lookups.OTHER_PATIENT;
import static no.kjernebro.auditreview.internal.rules.Lookups.PATIENT;
import static no.kjernebro.auditreview.internal.rules.Lookups.SIV;
import static no.kjernebro.auditreview.internal.rules.Lookups.at;
import static no.kjernebro.auditreview.internal.rules.Lookups.lookup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.auditreview.internal.access.AuditorAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The findings service over a real database; run on H2 and on PostgreSQL. */
abstract class FindingsContract {

    protected abstract DataSource dataSource();

    private static final Instant NOW = Instant.parse("2025-03-04T12:00:00Z");
    private static final Instant MONDAY = at("2025-03-03T00:00");
    private static final Instant TUESDAY = at("2025-03-04T00:00");

    private final FakeAuditTrail trail = new FakeAuditTrail();
    private final FakeAuditLog log = new FakeAuditLog(trail);
    private final Map<String, ReviewSettings> configured = new HashMap<>();
    private FindingsService findings;

    @BeforeEach
    void setUp() throws Exception {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String t : List.of("kjb_review_finding_record", "kjb_review_finding", "kjb_review_watermark", "kjb_review_schema_version")) {
                s.execute("DROP TABLE IF EXISTS " + t);
            }
        }
        findings = service();
        findings.migrate();
    }

    private FindingsService service() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new FindingsService(trail, dataSource(), new AuditorAccess(log, clock),
                k -> configured.getOrDefault(k, ReviewSettings.defaults(k)), clock);
    }

    @Test
    void migrationIsVersionedAndRepeatable() throws Exception {
        findings.migrate();
        service().migrate();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM kjb_review_schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(ReviewSchema.latest());
            assertThat(rs.getInt(2)).isEqualTo(ReviewSchema.latest());
        }
    }

    @Test
    void evaluationStoresFindingsThatLinkToTheirRecords() throws Exception {
        var emergency = trail.add(lookup().basis("HPAKUTT").time("2025-03-03T03:00").entry());
        trail.add(lookup().entry());
        trail.add(lookup().kommune("5503").basis("HPAKUTT").entry());

        List<Finding> found = findings.evaluate("5601", MONDAY, TUESDAY);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.id()).isPositive();
            assertThat(f.kommunenummer()).isEqualTo("5601");
            assertThat(f.rule()).isEqualTo("HPAKUTT");
            assertThat(f.actorId()).isEqualTo(LISE);
            assertThat(f.patientId()).isEqualTo(PATIENT);
            assertThat(f.references()).containsExactly(emergency.reference());
            assertThat(f.status()).isEqualTo(Finding.Status.OPEN);
            assertThat(f.detectedAt()).isEqualTo(NOW);
        });
        assertThat(findings.get(found.get(0).id())).contains(found.get(0));
    }

    @Test
    void evaluatingAgainFindsNothingTwice() throws Exception {
        trail.add(lookup().basis("HPAKUTT").entry());
        for (int i = 0; i < 3; i++) {
            trail.add(lookup().refused("ACCESS_BASIS_NOT_ALLOWED").entry());
        }
        assertThat(findings.evaluate("5601", MONDAY, TUESDAY)).hasSize(2);

        assertThat(findings.evaluate("5601", MONDAY, TUESDAY)).isEmpty();
        assertThat(findings.evaluate("5601", MONDAY.minusSeconds(86400), TUESDAY.plusSeconds(86400))).isEmpty();
        assertThat(findings.list("5601", null, null, 0, 100)).hasSize(2);
    }

    @Test
    void newRecordsExtendTheOpenFindingOfTheirDay() throws Exception {
        for (int i = 0; i < 3; i++) {
            trail.add(lookup().refused("ACCESS_BASIS_NOT_ALLOWED").entry());
        }
        Finding first = findings.evaluate("5601", MONDAY, TUESDAY).get(0);
        var fourth = trail.add(lookup().refused("ACCESS_BASIS_NOT_ALLOWED").time("2025-03-03T18:00").entry());

        List<Finding> again = findings.evaluate("5601", MONDAY, TUESDAY);

        assertThat(again).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(first.id());
            assertThat(f.references()).hasSize(4).endsWith(fourth.reference());
            assertThat(f.description()).startsWith("4 avviste oppslag");
        });
    }

    @Test
    void afterAReviewOnlyTheNewRecordsMakeANewFinding() throws Exception {
        for (int i = 0; i < 3; i++) {
            trail.add(lookup().refused("ACCESS_BASIS_NOT_ALLOWED").entry());
        }
        Finding first = findings.evaluate("5601", MONDAY, TUESDAY).get(0);
        findings.markReviewed(first.id(), "revisor", "Avklart med leder");
        var later = trail.add(lookup().refused("ACCESS_BASIS_NOT_ALLOWED").time("2025-03-03T18:00").entry());

        List<Finding> again = findings.evaluate("5601", MONDAY, TUESDAY);

        assertThat(again).singleElement().satisfies(f -> {
            assertThat(f.id()).isNotEqualTo(first.id());
            assertThat(f.references()).containsExactly(later.reference());
            assertThat(f.status()).isEqualTo(Finding.Status.OPEN);
        });
        assertThat(findings.get(first.id()).orElseThrow().references()).hasSize(3);
    }

    @Test
    void scheduledEvaluationIsIncrementalFromTheWatermark() throws Exception {
        trail.add(lookup().basis("HPAKUTT").time("2025-03-03T09:00").entry());
        trail.add(lookup().kommune("5503").basis("HPAKUTT").entry());
        assertThat(findings.evaluateNew("5601")).hasSize(1);
        int searchesBefore = trail.queries.size();

        assertThat(findings.evaluateNew("5601")).as("nothing new").isEmpty();
        assertThat(trail.queries).hasSize(searchesBefore + 1); // only the scan after the watermark, no day re-read

        trail.add(lookup().basis("HPAKUTT").time("2025-03-04T09:00").entry());
        trail.add(lookup().refused("ACCESS_BASIS_NOT_ALLOWED").time("2025-03-03T23:00").entry());
        List<Finding> next = findings.evaluateNew("5601");

        assertThat(next).extracting(Finding::rule).containsExactly("HPAKUTT");
        assertThat(next.get(0).description()).contains("04.03.2025");
        assertThat(findings.list("5601", Finding.Status.OPEN, "HPAKUTT", 0, 10)).hasSize(2);
        assertThat(findings.evaluateNew("5503")).hasSize(1);
    }

    @Test
    void aWholeDayIsEvaluatedEvenForAPartialPeriod() throws Exception {
        trail.add(lookup().refused("ACCESS_BASIS_NOT_ALLOWED").time("2025-03-03T08:00").entry());
        trail.add(lookup().refused("ACCESS_BASIS_NOT_ALLOWED").time("2025-03-03T09:00").entry());
        trail.add(lookup().refused("ACCESS_BASIS_NOT_ALLOWED").time("2025-03-03T20:00").entry());

        List<Finding> found = findings.evaluate("5601", at("2025-03-03T19:00"), at("2025-03-03T21:00"));

        assertThat(found).singleElement().satisfies(f -> assertThat(f.references()).hasSize(3));
    }

    @Test
    void careListFromAFileDrivesTheCareRelationshipRule(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("i-tjeneste.txt");
        Files.writeString(file, "# pasienter i tjenesten\n" + PATIENT + "\n\n123\n");
        ReviewSettings d = ReviewSettings.defaults("5601");
        configured.put("5601", new ReviewSettings("5601", Set.of("OUTSIDE_CARE_RELATIONSHIP"), d.timeZone(), null, 40, 3,
                Set.of(), file, 60));
        trail.add(lookup().patient(PATIENT, null).entry());
        trail.add(lookup().patient(OTHER_PATIENT, null).entry());

        List<Finding> found = findings.evaluate("5601", MONDAY, TUESDAY);

        assertThat(found).extracting(Finding::patientId).containsExactly(OTHER_PATIENT);

        Files.delete(file);
        trail.add(lookup().actor(SIV, "Siv Testsykepleier").patient(OTHER_PATIENT, null).entry());
        assertThatThrownBy(() -> findings.evaluateNew("5601")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be read");
        assertThat(findings.list("5601", null, null, 0, 10)).hasSize(1);
    }

    @Test
    void listFiltersAndPagesNewestFirst() throws Exception {
        for (int h = 1; h <= 5; h++) {
            trail.add(lookup().basis("HPAKUTT").time("2025-03-03T0" + h + ":00").entry());
        }
        trail.add(lookup().kommune("5503").basis("HPAKUTT").entry());
        findings.evaluate("5601", MONDAY, TUESDAY);
        findings.evaluate("5503", MONDAY, TUESDAY);

        List<Finding> page1 = findings.list("5601", null, "HPAKUTT", 0, 2);
        List<Finding> page2 = findings.list("5601", null, "HPAKUTT", page1.get(1).id(), 2);
        List<Finding> page3 = findings.list("5601", null, "HPAKUTT", page2.get(1).id(), 2);

        assertThat(page1).extracting(Finding::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(page1.get(1).id()).isGreaterThan(page2.get(0).id());
        assertThat(page3).hasSize(1);
        assertThat(findings.list(null, null, null, 0, 100)).hasSize(6);
        assertThat(findings.list("5601", Finding.Status.REVIEWED, null, 0, 100)).isEmpty();
        assertThat(findings.list("5601", null, "SAME_SURNAME", 0, 100)).isEmpty();
        assertThatThrownBy(() -> findings.list(null, null, null, 0, 1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> findings.list(null, null, "DROP TABLE", 0, 10)).hasMessageContaining("unknown rule");
    }

    @Test
    void markReviewedRecordsTheReviewFirstThenChangesTheFinding() throws Exception {
        trail.add(lookup().basis("HPAKUTT").entry());
        Finding f = findings.evaluate("5601", MONDAY, TUESDAY).get(0);

        Finding reviewed = findings.markReviewed(f.id(), "revisor", "Akutt innleggelse, dokumentert i EPJ " + PATIENT);

        assertThat(reviewed.status()).isEqualTo(Finding.Status.REVIEWED);
        assertThat(reviewed.reviewedBy()).isEqualTo("revisor");
        assertThat(reviewed.reviewedAt()).isEqualTo(NOW);
        assertThat(reviewed.comment()).isEqualTo("Akutt innleggelse, dokumentert i EPJ *********95");
        AuditEntry record = log.appended.get(log.appended.size() - 1);
        assertThat(record.type()).isEqualTo(AuditEntry.EventType.AUDIT_REVIEW);
        assertThat(record.actorId()).isEqualTo("revisor");
        assertThat(record.actorType()).isEqualTo(AuditorAccess.AUDITOR);
        assertThat(record.kommunenummer()).isEqualTo("5601");
        assertThat(record.patientId()).isEqualTo(PATIENT);
        assertThat(record.reason()).contains("Funn " + f.id()).contains(f.references().get(0))
                .contains("Akutt innleggelse").doesNotContain(PATIENT);
    }

    @Test
    void withoutTheReviewRecordNothingChanges() throws Exception {
        trail.add(lookup().basis("HPAKUTT").entry());
        Finding f = findings.evaluate("5601", MONDAY, TUESDAY).get(0);
        log.down = true;

        assertThatThrownBy(() -> findings.markReviewed(f.id(), "revisor", "ok")).isInstanceOf(AuditUnavailableException.class);

        assertThat(findings.get(f.id()).orElseThrow().status()).isEqualTo(Finding.Status.OPEN);
    }

    @Test
    void reviewingTwiceABlankCommentOrAnUnknownIdIsRefused() throws Exception {
        trail.add(lookup().basis("HPAKUTT").entry());
        Finding f = findings.evaluate("5601", MONDAY, TUESDAY).get(0);
        int before = log.appended.size();

        assertThatThrownBy(() -> findings.markReviewed(f.id(), "revisor", "  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("comment");
        assertThatThrownBy(() -> findings.markReviewed(4711, "revisor", "ok")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no finding 4711");
        assertThat(log.appended).hasSize(before);

        findings.markReviewed(f.id(), "revisor", "ok");
        assertThatThrownBy(() -> findings.markReviewed(f.id(), "annen", "igjen")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already reviewed by revisor");
        assertThat(findings.get(f.id()).orElseThrow().reviewedBy()).isEqualTo("revisor");
    }

    @Test
    void badPeriodsAndTenantsAreRefused() {
        assertThatThrownBy(() -> findings.evaluate("56011", MONDAY, TUESDAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> findings.evaluate("5601", TUESDAY, MONDAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> findings.evaluate("5601", MONDAY.minusSeconds(400L * 86400), TUESDAY))
                .hasMessageContaining("366 days");
    }

    @Test
    void theDatabaseItselfRefusesLinkingARecordTwiceUnderOneGroup() throws Exception {
        trail.add(lookup().basis("HPAKUTT").entry());
        Finding f = findings.evaluate("5601", MONDAY, TUESDAY).get(0);
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            String key;
            try (ResultSet rs = s.executeQuery("SELECT group_key FROM kjb_review_finding WHERE id = " + f.id())) {
                rs.next();
                key = rs.getString(1);
            }
            s.executeUpdate("INSERT INTO kjb_review_finding (kommunenummer, rule_id, group_key, detected_at, description, status)"
                    + " VALUES ('5601', 'HPAKUTT', '" + key + "', CURRENT_TIMESTAMP, 'x', 'OPEN')");
            String again = "INSERT INTO kjb_review_finding_record (finding_id, kommunenummer, group_key, record_reference, record_seq)"
                    + " SELECT MAX(id), '5601', '" + key + "', '" + f.references().get(0) + "', 1 FROM kjb_review_finding";
            assertThatThrownBy(() -> s.executeUpdate(again)).isInstanceOf(SQLException.class);
        }
    }
}
