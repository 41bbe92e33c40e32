package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.summary.Helseindikator;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.Test;

class TicketCacheTest {

    private static final Helseindikator FOUR = new Helseindikator(4, "k", false, false, true, List.of(), null);
    private final TestClock clock = new TestClock();

    @Test
    void reusesWithinTheWindowOnly() {
        TicketCache cache = new TicketCache(clock, Duration.ofSeconds(120), 10);
        String key = TicketCache.key(TestTenants.alta(), "05902823095", AccessBasis.HPMOTTATTSAMTYKKE, Samtykker.INGEN);
        cache.put(key, FOUR, "t1", AccessBasis.HPMOTTATTSAMTYKKE);
        clock.advance(Duration.ofSeconds(119));
        assertThat(cache.get(key).ticket()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get(key)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theKeySeparatesTenantsPatientsAccessBasesAndConsentsAndHoldsNoIdentityNumber() {
        String base = TicketCache.key(TestTenants.alta(), "05902823095", AccessBasis.HPMOTTATTSAMTYKKE, Samtykker.INGEN);
        assertThat(base).doesNotContain("05902823095").hasSize(64);
        assertThat(List.of(
                TicketCache.key(TestTenants.lyngenDisabled(), "05902823095", AccessBasis.HPMOTTATTSAMTYKKE, Samtykker.INGEN),
                TicketCache.key(TestTenants.alta(), "21874614847", AccessBasis.HPMOTTATTSAMTYKKE, Samtykker.INGEN),
                TicketCache.key(TestTenants.alta(), "05902823095", AccessBasis.HPAKUTT, Samtykker.INGEN),
                TicketCache.key(TestTenants.alta(), "05902823095", AccessBasis.HPMOTTATTSAMTYKKE,
                        new Samtykker(false, false, true))))
                .doesNotContain(base).doesNotHaveDuplicates();
        assertThat(TicketCache.key(TestTenants.alta(), "05902823095", AccessBasis.HPMOTTATTSAMTYKKE, Samtykker.INGEN))
                .isEqualTo(base);
    }

    @Test
    void isBoundedAndEvictsTheLeastRecentlyUsed() {
        TicketCache cache = new TicketCache(clock, Duration.ofSeconds(120), 2);
        cache.put("a", FOUR, "ta", null);
        cache.put("b", FOUR, "tb", null);
        cache.get("a");
        cache.put("c", FOUR, "tc", null);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isNotNull();
        cache.evict("a");
        assertThat(cache.get("a")).isNull();
    }

    @Test
    void aZeroWindowKeepsNothing() {
        TicketCache cache = new TicketCache(clock, Duration.ZERO, 10);
        cache.put("a", FOUR, "ta", null);
        assertThat(cache.get("a")).isNull();
    }

    @Test
    void theWindowNeverOutlivesTheTicket() {
        KjernejournalSettings s = KjernejournalSettings.from(Map.of("ticket.reuseSeconds", "3600",
                "ticket.validitySeconds", "600", "lookupDeadlineMs", "10000"));
        assertThat(s.effectiveTicketReuse()).isEqualTo(Duration.ofSeconds(590));
        assertThat(KjernejournalSettings.defaults("http://x").effectiveTicketReuse()).isEqualTo(Duration.ofSeconds(120));
    }
}
