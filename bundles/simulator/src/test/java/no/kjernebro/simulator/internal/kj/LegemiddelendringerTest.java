package no.kjernebro.simulator.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import no.kjernebro.simulator.internal.SyntheticNumbers;
import no.kjernebro.simulator.internal.dataset.DatasetLoader;
import org.junit.jupiter.api.Test;

/** The change semantics, with fixed instants. */
class LegemiddelendringerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final Legemiddelendringer endringer = new Legemiddelendringer(DatasetLoader.loadDefault(), 0.05);

    @Test
    void theFirstCheckReportsAnyMedication() {
        assertThat(endringer.sjekk("05902823095", null, NOW)).isEqualTo(new Legemiddelendringer.Svar(true, true));
    }

    @Test
    void reservedAndInvalidNumbersHaveNoKjernejournal() {
        assertThat(endringer.sjekk("04887734157", null, NOW)).isEqualTo(Legemiddelendringer.Svar.INGEN_KJERNEJOURNAL);
        assertThat(endringer.sjekk("05902823096", null, NOW)).isEqualTo(Legemiddelendringer.Svar.INGEN_KJERNEJOURNAL);
        assertThat(endringer.sjekk("abc", null, NOW)).isEqualTo(Legemiddelendringer.Svar.INGEN_KJERNEJOURNAL);
    }

    @Test
    void aChangeCountsFromMidnightNorwegianTimeOfItsDate() {
        // 11837043303 has an e-prescription written 2026-10-30 (CET, +01:00) and nothing later
        assertThat(ny("11837043303", "2026-10-29T23:59:59+01:00")).isTrue();
        assertThat(ny("11837043303", "2026-10-30T00:00:00+01:00")).isFalse();
    }

    @Test
    void aChangeDatedAfterNowHasNotHappenedYet() {
        Instant before = OffsetDateTime.parse("2026-10-29T12:00:00+01:00").toInstant();
        Instant since = OffsetDateTime.parse("2026-10-01T00:00:00+02:00").toInstant();

        assertThat(endringer.sjekk("11837043303", since, before).nyLegemiddelinformasjon()).isFalse();
    }

    @Test
    void syntheticPatientsHaveAKjernejournalAndNewsInTheConfiguredShare() {
        List<String> numbers = SyntheticNumbers.notInDataset(10_000);
        Instant yesterday = NOW.minusSeconds(86_400);

        long withNews = numbers.stream().filter(n -> endringer.sjekk(n, yesterday, NOW).nyLegemiddelinformasjon()).count();

        assertThat(numbers).allSatisfy(n -> assertThat(endringer.sjekk(n, yesterday, NOW).harKjernejournal()).isTrue());
        assertThat(withNews).isBetween(400L, 600L);
        assertThat(numbers).allSatisfy(n -> assertThat(endringer.sjekk(n, null, NOW).nyLegemiddelinformasjon()).isTrue());
    }

    @Test
    void aSyntheticChangeIsReportedOnceAndTheAnswerIsRepeatable() {
        SyntetiskeEndringer syntetiske = new SyntetiskeEndringer(0.05, Legemiddelendringer.NORGE);
        String fnr = SyntheticNumbers.notInDataset(1).get(0);
        long key = Long.parseLong(fnr);
        LocalDate day = LocalDate.of(2026, 11, 1);
        while (syntetiske.endring(key, day) == null) {
            day = day.plusDays(1);
        }
        Instant change = syntetiske.endring(key, day);

        assertThat(syntetiske.nyInformasjon(fnr, change.minusSeconds(1), change)).isTrue();
        assertThat(syntetiske.nyInformasjon(fnr, change.minusSeconds(1), change)).isTrue();
        assertThat(syntetiske.nyInformasjon(fnr, change, change.plusSeconds(1))).isFalse();
        assertThat(syntetiske.nyInformasjon(fnr, change.minusSeconds(1), change.minusMillis(1))).isFalse();
    }

    @Test
    void withAShareOfZeroOnlyTheFirstCheckHasNews() {
        Legemiddelendringer none = new Legemiddelendringer(DatasetLoader.loadDefault(), 0);
        String fnr = SyntheticNumbers.notInDataset(1).get(0);

        assertThat(none.sjekk(fnr, NOW.minusSeconds(3 * 365 * 86_400L), NOW).nyLegemiddelinformasjon()).isFalse();
        assertThat(none.sjekk(fnr, null, NOW).nyLegemiddelinformasjon()).isTrue();
    }

    private boolean ny(String fnr, String sistSjekket) {
        return endringer.sjekk(fnr, OffsetDateTime.parse(sistSjekket).toInstant(), NOW).nyLegemiddelinformasjon();
    }
}
