package no.kjernebro.auditreview.internal.rules;

import static no.kjernebro.auditreview.internal.rules.Lookups.LISE;
import static no.kjernebro.auditreview.internal.rules.Lookups.OTHER_PATIENT;
import static no.kjernebro.auditreview.internal.rules.Lookups.PATIENT;
import static no.kjernebro.auditreview.internal.rules.Lookups.SIV;
import static no.kjernebro.auditreview.internal.rules.Lookups.lookup;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import no.kjernebro.api.audit.StoredAuditRecord;
import org.junit.jupiter.api.Test;

class RulesTest {

    /** Twenty further synthetic numbers from docs/contracts.md, for volume. */
    static final List<String> SYNTHETIC = List.of("02828814829", "07813132286", "14825014684", "18872738912",
            "19907012592", "08819116866", "10873837670", "04905938687", "27914315277", "19904429018", "04892838815",
            "22897449793", "12855119240", "23843039480", "10898327553", "24885641128", "16816932169", "11837043303",
            "12861550182", "20817723609");

    private final FakeAuditTrail trail = new FakeAuditTrail();
    private static final LocalDate MONDAY = LocalDate.parse("2025-03-03");

    private ReviewSettings settings(String rule) {
        ReviewSettings d = ReviewSettings.defaults("5601");
        return new ReviewSettings("5601", Set.of(rule), d.timeZone(), d.workingHours(), 3, 3, d.refusedImmediateCodes(), null, 60);
    }

    private List<Candidate> run(ReviewSettings s, Set<String> inCare) {
        List<StoredAuditRecord> day = trail.records.stream().toList();
        return ReviewRules.evaluate(new ReviewDay(s, MONDAY, day, inCare));
    }

    private List<Candidate> run(String rule) {
        return run(settings(rule), null);
    }

    @Test
    void everyEmergencyAccessIsAFindingOfItsOwn() {
        StoredAuditRecord a = trail.add(lookup().basis("HPAKUTT").time("2025-03-03T02:14").entry());
        StoredAuditRecord b = trail.add(lookup().basis("HPMOTTATTSAMTYKKE").reason("HPAKUTT_REVIEW").entry());
        trail.add(lookup().basis("HPMOTTATTSAMTYKKE").entry());
        trail.add(lookup().basis("HPUNNTAK").entry());

        List<Candidate> found = run("HPAKUTT");

        assertThat(found).extracting(c -> c.records().get(0)).containsExactly(a, b);
        assertThat(found.get(0).patientId()).isEqualTo(PATIENT);
        assertThat(found.get(0).description()).contains("Akuttilgang (HPAKUTT)").contains("*********95")
                .contains("Lise Testlege (HPR 9100001)").contains("03.03.2025 kl. 02:14").doesNotContain(PATIENT);
    }

    @Test
    void refusedAttemptsCountPerHealthWorkerAndDay() {
        trail.add(lookup().refused("ACCESS_BASIS_NOT_ALLOWED").entry());
        trail.add(lookup().refused("ACCESS_BASIS_NOT_ALLOWED").entry());
        trail.add(lookup().actor(SIV, "Siv Testsykepleier").refused("PROFESSION_NOT_ALLOWED").entry());
        trail.add(lookup().entry());
        assertThat(run("REFUSED_ATTEMPTS")).as("two refusals are below the threshold of three").isEmpty();

        trail.add(lookup().refused("NO_SECTIONS_ALLOWED").entry());
        List<Candidate> found = run("REFUSED_ATTEMPTS");

        assertThat(found).hasSize(1);
        assertThat(found.get(0).actorId()).isEqualTo(LISE);
        assertThat(found.get(0).records()).hasSize(3);
        assertThat(found.get(0).description()).startsWith("3 avviste oppslag av Lise Testlege");
    }

    @Test
    void oneRefusalForASeriousReasonIsEnough() {
        trail.add(lookup().actor(SIV, "Siv Testsykepleier").refused("USER_TOKEN_MISMATCH").entry());
        trail.add(lookup().refused("INVALID_REQUEST").entry());

        List<Candidate> found = run("REFUSED_ATTEMPTS");

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.actorId()).isEqualTo(SIV);
            assertThat(c.description()).contains("herunder USER_TOKEN_MISMATCH");
        });
    }

    @Test
    void highVolumeCountsDistinctPatientsAboveTheThreshold() {
        for (int i = 0; i < 3; i++) {
            trail.add(lookup().patient(SYNTHETIC.get(i), null).entry());
            trail.add(lookup().patient(SYNTHETIC.get(i), null).entry()); // repeats do not count twice
        }
        trail.add(lookup().actor(SIV, "Siv Testsykepleier").patient(SYNTHETIC.get(5), null).entry());
        assertThat(run("HIGH_VOLUME")).as("three distinct patients is the limit, not above it").isEmpty();

        trail.add(lookup().patient(SYNTHETIC.get(3), null).entry());
        List<Candidate> found = run("HIGH_VOLUME");

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.actorId()).isEqualTo(LISE);
            assertThat(c.records()).hasSize(7);
            assertThat(c.description()).startsWith("4 ulike pasienter slått opp av Lise Testlege").contains("grense 3");
        });
    }

    @Test
    void outsideWorkingHoursIsOffUntilConfiguredThenGroupsPerHealthWorkerAndDay() {
        trail.add(lookup().time("2025-03-03T06:30").entry());
        trail.add(lookup().time("2025-03-03T12:00").entry());
        trail.add(lookup().time("2025-03-03T22:15").entry());
        trail.add(lookup().actor(SIV, "Siv Testsykepleier").time("2025-03-03T09:00").entry());
        assertThat(run("OUTSIDE_WORKING_HOURS")).as("no working hours configured").isEmpty();

        ReviewSettings d = settings("OUTSIDE_WORKING_HOURS");
        ReviewSettings withHours = new ReviewSettings("5601", d.rules(), d.timeZone(),
                WorkingHours.parse("Mon-Fri 07:00-16:00"), 40, 3, Set.of(), null, 60);
        List<Candidate> found = run(withHours, null);

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.actorId()).isEqualTo(LISE);
            assertThat(c.records()).extracting(r -> r.entry().time()).containsExactly(
                    Lookups.at("2025-03-03T06:30"), Lookups.at("2025-03-03T22:15"));
            assertThat(c.description()).contains("2 oppslag utenfor arbeidstid (Mon-Fri 07:00-16:00)").contains("kl. 06:30, 22:15");
        });
    }

    @Test
    void lookupsOfPatientsOutsideTheCareListAreFindingsOnlyWhenAListIsConfigured() {
        trail.add(lookup().patient(PATIENT, null).entry());
        trail.add(lookup().patient(OTHER_PATIENT, null).entry());
        trail.add(lookup().patient(OTHER_PATIENT, null).entry());
        assertThat(run(settings("OUTSIDE_CARE_RELATIONSHIP"), null)).isEmpty();

        List<Candidate> found = run(settings("OUTSIDE_CARE_RELATIONSHIP"), Set.of(PATIENT));

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.patientId()).isEqualTo(OTHER_PATIENT);
            assertThat(c.records()).hasSize(2);
            assertThat(c.description()).contains("*********47").contains("ikke står på kommunens liste").doesNotContain(OTHER_PATIENT);
        });
    }

    @Test
    void sameSurnameNeedsBothNames() {
        trail.add(lookup().actor(SIV, "Siv Testsykepleier").patient(PATIENT, "Olga Testsykepleier").entry());
        trail.add(lookup().actor(LISE, "Lise Nordmann").patient(OTHER_PATIENT, "Kari Nordmann-Hansen").entry());
        trail.add(lookup().actor(LISE, "Lise Nordmann").patient(PATIENT, null).entry());
        trail.add(lookup().actor(LISE, "Lise Testlege").patient(PATIENT, "Olga Nordmann").entry());

        List<Candidate> found = run("SAME_SURNAME");

        assertThat(found).extracting(Candidate::actorId, Candidate::patientId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SIV, PATIENT), org.assertj.core.groups.Tuple.tuple(LISE, OTHER_PATIENT));
        assertThat(found.get(1).description()).contains("samme etternavn (nordmann-hansen)");
    }

    @Test
    void disabledRulesDoNotRun() {
        trail.add(lookup().basis("HPAKUTT").entry());
        assertThat(run("SAME_SURNAME")).isEmpty();
    }
}
