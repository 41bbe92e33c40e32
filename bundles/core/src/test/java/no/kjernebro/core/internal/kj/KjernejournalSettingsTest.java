package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KjernejournalSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        KjernejournalSettings s = KjernejournalSettings.from(Map.of());
        assertThat(s.baseUrl()).isEqualTo("http://localhost:8190");
        assertThat(s.upstream(Upstream.HELSEINDIKATOR).responseTimeoutMs()).isEqualTo(5000);
        assertThat(s.upstream(Upstream.LEGEMIDDELVARSLING).responseTimeoutMs()).isEqualTo(15000);
        assertThat(s.upstream(Upstream.FHIR).maxResponseBytes()).isEqualTo(4L << 20);
        assertThat(s.upstream(Upstream.FHIR).breaker()).isEqualTo(
                new CircuitBreaker.Settings(10, 5, 50, Duration.ofSeconds(30), 2));
        assertThat(s.fhirHeaders()).extracting(FhirHeader::name)
                .containsExactly("X-kj-ticket", "KJ-SAMTYKKE-BRUK", "KJ-SAMTYKKE-SPERRET-KRITISKINFO");
        assertThat(s.lookupDeadline()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void perApiKeysOverrideTheGlobalOnes() {
        KjernejournalSettings s = KjernejournalSettings.from(Map.of("responseTimeoutMs", "3000",
                "fhir.responseTimeoutMs", 8000, "legemidler.breaker.openSeconds", "5", "kj.baseUrl", "https://kj.test/"));
        assertThat(s.upstream(Upstream.HELSEINDIKATOR).responseTimeoutMs()).isEqualTo(3000);
        assertThat(s.upstream(Upstream.LEGEMIDDELVARSLING).responseTimeoutMs()).isEqualTo(3000);
        assertThat(s.upstream(Upstream.FHIR).responseTimeoutMs()).isEqualTo(8000);
        assertThat(s.upstream(Upstream.LEGEMIDLER).breaker().openDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.upstream(Upstream.FHIR).breaker().openDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.baseUrl()).isEqualTo("https://kj.test");
    }

    @Test
    void theHitHeaderSetIsConfigurable() {
        KjernejournalSettings s = KjernejournalSettings.from(Map.of("fhir.headers",
                "hit-user-role=brukerrolle, hit-access-basis=samtykke, hit-patient-pid=pasient, hit-event-id=hendelse"));
        assertThat(s.fhirHeaders()).containsExactly(
                new FhirHeader("hit-user-role", FhirHeader.Source.BRUKERROLLE),
                new FhirHeader("hit-access-basis", FhirHeader.Source.SAMTYKKE),
                new FhirHeader("hit-patient-pid", FhirHeader.Source.PASIENT),
                new FhirHeader("hit-event-id", FhirHeader.Source.HENDELSE));
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> KjernejournalSettings.from(Map.of("fhir.headers", "X-kj-ticket=billett")))
                .hasMessageContaining("fhir.headers").hasMessageContaining("billett");
        assertThatThrownBy(() -> KjernejournalSettings.from(Map.of("fhir.headers", "bad header=ticket")))
                .hasMessageContaining("fhir.headers");
        assertThatThrownBy(() -> KjernejournalSettings.from(Map.of("fhir.headers", "Authorization=ticket")))
                .hasMessageContaining("set by the client");
        assertThatThrownBy(() -> KjernejournalSettings.from(Map.of("fhir.responseTimeoutMs", "fast")))
                .hasMessageContaining("fhir.responseTimeoutMs");
        assertThatThrownBy(() -> KjernejournalSettings.from(Map.of("legemidler.utvidetOppslag", "ja")))
                .hasMessageContaining("legemidler.utvidetOppslag");
        assertThatThrownBy(() -> KjernejournalSettings.from(Map.of("kj.baseUrl", "ftp://x")))
                .hasMessageContaining("kj.baseUrl");
    }
}
