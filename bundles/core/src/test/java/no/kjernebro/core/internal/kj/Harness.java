package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.core.internal.tenant.Tenant;
import no.kjernebro.core.internal.testing.TestTenants;

/**
 * The real client (JDK HTTP, resilience, tickets) against {@link FakeNhn}, with a {@link FakeHelseId},
 * a hand-moved clock and a sleeper that records instead of sleeping.
 */
final class Harness implements AutoCloseable {

    static final String FNR = "05902823095";
    static final String HI = "/v1/helseindikator";
    static final String EVERYTHING = "/v1/fhir/Patient/$everything";
    static final String LEGEMIDLER = "/v1/legemidler";
    static final String VARSLING = "/v1/legemiddelvarsling";
    static final String USER_TOKEN = "user.token.jwt";

    final FakeNhn nhn;
    final FakeHelseId helseId = new FakeHelseId();
    final TestClock clock = new TestClock();
    final KjernejournalSettings settings;
    final HttpKjernejournalClient client;

    private Harness(Map<String, Object> config) throws Exception {
        nhn = new FakeNhn()
                .answer(HI, 200, Samples.sample("helseindikator.json").toString())
                .answer(EVERYTHING, 200, Samples.sample("everything.json").toString())
                .answer(LEGEMIDLER, 200, Samples.sample("legemidler.json").toString());
        Map<String, Object> all = new HashMap<>();
        all.put("kj.baseUrl", nhn.baseUrl());
        all.put("connectTimeoutMs", 500);
        all.put("responseTimeoutMs", 3000);
        all.putAll(config);
        settings = KjernejournalSettings.from(all);
        // jitter fixed at half the ceiling, so waits are predictable
        client = new HttpKjernejournalClient(settings, helseId, new JdkHttpTransport(settings), clock, clock.sleeper(),
                new Backoff(settings.retryBaseDelayMs(), settings.retryMaxDelayMs(), () -> 0.5));
    }

    static Harness start() throws Exception {
        return new Harness(Map.of());
    }

    static Harness start(Map<String, Object> config) throws Exception {
        return new Harness(config);
    }

    static KjernejournalRequest request(Set<Section> sections) {
        return request(TestTenants.alta(), sections, AccessBasis.HPMOTTATTSAMTYKKE, Samtykker.INGEN);
    }

    static KjernejournalRequest request(Tenant tenant, Set<Section> sections, AccessBasis basis, Samtykker samtykker) {
        return new KjernejournalRequest(tenant, NationalIdentityNumber.parse(FNR).orElseThrow(), basis, samtykker,
                sections, USER_TOKEN, "SP", "DIPS Kommune 7.1", "corr-1");
    }

    static KjernejournalRequest all() {
        return request(EnumSet.allOf(Section.class));
    }

    PatientSummary fetch() throws KjernejournalException {
        return client.fetch(all());
    }

    KjernejournalException fails(KjernejournalRequest request, ErrorCode expected) {
        KjernejournalException[] caught = new KjernejournalException[1];
        assertThatThrownBy(() -> client.fetch(request)).isInstanceOfSatisfying(KjernejournalException.class, e -> {
            assertThat(e.error()).as(e.getMessage()).isEqualTo(expected);
            assertThat(e.getMessage()).doesNotContain(FNR);
            caught[0] = e;
        });
        return caught[0];
    }

    KjernejournalException fails(ErrorCode expected) {
        return fails(all(), expected);
    }

    /** No request the fake saw had an identity number in its URL. */
    void assertNoIdentityNumberInAnyUrl() {
        assertThat(nhn.seen).isNotEmpty().allSatisfy(s -> assertThat(s.rawUri()).doesNotContain(FNR)
                .doesNotContain("21874614847"));
    }

    @Override
    public void close() {
        client.close();
        nhn.close();
    }
}
