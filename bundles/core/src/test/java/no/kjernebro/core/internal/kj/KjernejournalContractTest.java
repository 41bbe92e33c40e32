package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One contract test per API call against a local HTTP stub: method, path, headers, body and query as
 * docs/contracts.md and NHN document them, and never an identity number in a URL.
 */
class KjernejournalContractTest {

    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void helseindikator() throws Exception {
        h = Harness.start();
        h.client.fetch(Harness.request(Set.of(Section.PERSONALIA)));

        FakeNhn.Seen hi = h.nhn.seen(Harness.HI).get(0);
        assertThat(hi.method()).isEqualTo("POST");
        assertThat(hi.query()).isNull();
        assertThat(hi.header("Authorization")).isEqualTo("Bearer system-5601-1");
        assertThat(hi.header("DPoP")).isNull();
        assertThat(hi.header("X-EPJ-System")).isEqualTo("DIPS Kommune 7.1");
        assertThat(hi.header("Content-Type")).startsWith("application/json");
        assertThat(hi.header("X-Correlation-ID")).isEqualTo("corr-1");
        JsonNode body = Samples.JSON.readTree(hi.body());
        assertThat(body.path("fnr").asText()).isEqualTo(Harness.FNR);
        assertThat(body.path("samtykke").asText()).isEqualTo("HPMOTTATTSAMTYKKE");
        // the test clock stands at 2026-11-26; 36 months of history
        assertThat(body.path("legemiddelFraDato").asText()).isEqualTo("2023-11-26");
        h.assertNoIdentityNumberInAnyUrl();
    }

    @Test
    void helseindikatorWithADpopBoundToken() throws Exception {
        h = Harness.start();
        h.helseId.dpop = true;
        h.client.fetch(Harness.request(Set.of(Section.PERSONALIA)));

        FakeNhn.Seen hi = h.nhn.seen(Harness.HI).get(0);
        assertThat(hi.header("Authorization")).isEqualTo("DPoP system-5601-1");
        assertThat(hi.header("DPoP")).isEqualTo("proof POST " + h.nhn.baseUrl() + Harness.HI);
    }

    @Test
    void criticalInformationWithTheClassicHeaders() throws Exception {
        h = Harness.start();
        PatientSummary s = h.client.fetch(Harness.request(EnumSet.complementOf(EnumSet.of(Section.LEGEMIDLER))));
        assertThat(s.kritiskInformasjon()).hasSize(3);
        assertThat(s.fullstendig()).isTrue();

        FakeNhn.Seen fhir = h.nhn.seen(Harness.EVERYTHING).get(0);
        assertThat(fhir.method()).isEqualTo("GET");
        assertThat(fhir.query()).isNull();
        assertThat(fhir.header("Authorization")).isEqualTo("Bearer " + Harness.USER_TOKEN);
        assertThat(fhir.header("X-kj-ticket")).isEqualTo("t-123/abc+=");
        assertThat(fhir.header("X-EPJ-System")).isEqualTo("DIPS Kommune 7.1");
        assertThat(fhir.header("Accept")).isEqualTo("application/fhir+json");
        // the ticket was issued with this access basis, and the patient gave no consent to restricted data
        assertThat(fhir.header("KJ-SAMTYKKE-BRUK")).isNull();
        assertThat(fhir.header("KJ-SAMTYKKE-SPERRET-KRITISKINFO")).isNull();
        assertThat(h.nhn.seen(Harness.LEGEMIDLER)).isEmpty();
        h.assertNoIdentityNumberInAnyUrl();
    }

    @Test
    void theRestrictedModuleConsentIsSentOnlyWhenGiven() throws Exception {
        h = Harness.start();
        h.client.fetch(Harness.request(TestTenants.alta(), Set.of(Section.KRITISK_INFORMASJON),
                AccessBasis.HPMOTTATTSAMTYKKE, new Samtykker(true, false, false)));
        assertThat(h.nhn.seen(Harness.EVERYTHING).get(0).header("KJ-SAMTYKKE-SPERRET-KRITISKINFO")).isEqualTo("true");
    }

    @Test
    void samtykkeBrukIsSentWhenTheTicketDoesNotCarryTheAccessBasis() throws Exception {
        h = Harness.start(Map.of("helseindikator.sendSamtykke", "false"));
        h.client.fetch(Harness.request(TestTenants.alta(), Set.of(Section.KRITISK_INFORMASJON), AccessBasis.HPAKUTT,
                Samtykker.INGEN));
        assertThat(Samples.JSON.readTree(h.nhn.seen(Harness.HI).get(0).body()).has("samtykke")).isFalse();
        assertThat(h.nhn.seen(Harness.EVERYTHING).get(0).header("KJ-SAMTYKKE-BRUK")).isEqualTo("HPAKUTT");
    }

    @Test
    void criticalInformationWithTheHitHeaderSet() throws Exception {
        h = Harness.start(Map.of("fhir.headers", "X-kj-ticket=ticket,hit-user-role=brukerrolle,"
                + "hit-access-basis=samtykke,hit-patient-pid=pasient,hit-event-id=hendelse,nhn-source-system=epjSystem"));
        h.client.fetch(Harness.request(Set.of(Section.KRITISK_INFORMASJON)));
        FakeNhn.Seen fhir = h.nhn.seen(Harness.EVERYTHING).get(0);
        assertThat(fhir.header("hit-user-role")).isEqualTo("SP");
        assertThat(fhir.header("hit-access-basis")).isEqualTo("HPMOTTATTSAMTYKKE");
        assertThat(fhir.header("hit-patient-pid")).isEqualTo(Harness.FNR);
        assertThat(fhir.header("hit-event-id")).isEqualTo("corr-1");
        assertThat(fhir.header("nhn-source-system")).isEqualTo("DIPS Kommune 7.1");
        assertThat(fhir.header("KJ-SAMTYKKE-BRUK")).isNull();
        h.assertNoIdentityNumberInAnyUrl();
    }

    @Test
    void legemiddel() throws Exception {
        h = Harness.start();
        PatientSummary s = h.client.fetch(Harness.request(Set.of(Section.LEGEMIDLER)));
        assertThat(s.legemidler().items()).hasSize(5);
        assertThat(h.nhn.seen(Harness.EVERYTHING)).isEmpty();

        FakeNhn.Seen l = h.nhn.seen(Harness.LEGEMIDLER).get(0);
        assertThat(l.method()).isEqualTo("GET");
        assertThat(l.header("Authorization")).isEqualTo("Bearer " + Harness.USER_TOKEN);
        assertThat(l.header("X-EPJ-System")).isEqualTo("DIPS Kommune 7.1");
        assertThat(query(l.query())).isEqualTo(Map.of("ticket", "t-123/abc+=", "fra", "2023-11-26T00:00Z",
                "utvidet-oppslag", "true", "samtykke-bruk-api", "true"));
        h.assertNoIdentityNumberInAnyUrl();
    }

    @Test
    void legemiddelWithTheConsentParameters() throws Exception {
        h = Harness.start(Map.of("legemidler.utvidetOppslag", "false"));
        h.client.fetch(Harness.request(TestTenants.alta(), Set.of(Section.LEGEMIDLER), AccessBasis.HPAKUTT,
                new Samtykker(false, true, true)));
        assertThat(query(h.nhn.seen(Harness.LEGEMIDLER).get(0).query())).containsEntry("utvidet-oppslag", "false")
                .containsEntry("samtykke-sperret-legemidler", "true").containsEntry("samtykke-laste-resepter", "true")
                .doesNotContainKey("samtykke-bruk-api");
    }

    @Test
    void legemiddelvarslingInBatchesNoLargerThanTheMaximum() throws Exception {
        h = Harness.start(Map.of("legemiddelvarsling.maxBatchSize", "2"));
        String neste = "2026-11-26T09:00:00+01:00";
        h.nhn.reply(Harness.VARSLING, FakeNhn.Reply.json(200, "{}"));
        List<String> fnrs = List.of("05902823095", "21874614847", "16816932169", "12861550182", "11837043303");
        StringBuilder[] answers = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
        for (int i = 0; i < fnrs.size(); i++) {
            StringBuilder a = answers[i / 2];
            a.append(a.length() == 0 ? "" : ",").append("{\"fnr\":\"").append(fnrs.get(i))
                    .append("\",\"harKjernejournal\":true,\"nyLegemiddelinformasjon\":").append(i % 2 == 0)
                    .append(",\"nesteSjekk\":\"").append(neste).append("\"}");
        }
        for (StringBuilder a : answers) {
            h.nhn.then(Harness.VARSLING, FakeNhn.Reply.json(200, "{\"pasienter\":[" + a + "]}"));
        }
        OffsetDateTime sist = OffsetDateTime.parse("2026-11-25T09:00:00+01:00");
        List<PasientSjekk> sjekk = fnrs.stream().map(f -> new PasientSjekk(f, f.startsWith("0") ? sist : null)).toList();

        List<VarslingSvar> svar = h.client.sjekk(TestTenants.alta(), sjekk, "Kjernebro/hjemmetjeneste-json", "sweep-1");

        assertThat(svar).extracting(VarslingSvar::fnr).containsExactlyElementsOf(fnrs);
        assertThat(svar).extracting(VarslingSvar::nyLegemiddelinformasjon).containsExactly(true, false, true, false, true);
        assertThat(svar).allSatisfy(v -> assertThat(v.nesteSjekk()).isEqualTo(OffsetDateTime.parse(neste)));
        List<FakeNhn.Seen> seen = h.nhn.seen(Harness.VARSLING);
        assertThat(seen).hasSize(3);
        FakeNhn.Seen first = seen.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.header("Authorization")).isEqualTo("Bearer system-5601-1");
        assertThat(first.header("X-EPJ-System")).isEqualTo("Kjernebro/hjemmetjeneste-json");
        JsonNode body = Samples.JSON.readTree(first.body());
        assertThat(body.path("pasienter")).hasSize(2);
        assertThat(body.at("/pasienter/0/sistSjekket").asText()).isEqualTo("2026-11-25T09:00:00+01:00");
        assertThat(body.at("/pasienter/1").has("sistSjekket")).isFalse();
        assertThat(Samples.JSON.readTree(seen.get(2).body()).path("pasienter")).hasSize(1);
        h.assertNoIdentityNumberInAnyUrl();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
