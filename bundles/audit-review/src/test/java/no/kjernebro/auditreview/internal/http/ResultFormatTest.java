package no.kjernebro.auditreview.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultFormatTest {

    @Test
    void acceptChoosesTheFormat() {
        assertThat(ResultFormat.choose(null, null)).isEqualTo(ResultFormat.JSON);
        assertThat(ResultFormat.choose(null, "text/csv")).isEqualTo(ResultFormat.CSV);
        assertThat(ResultFormat.choose(null, "application/fhir+json")).isEqualTo(ResultFormat.FHIR);
        assertThat(ResultFormat.choose(null, "text/html, text/csv;q=0.9, */*;q=0.1")).isEqualTo(ResultFormat.CSV);
        assertThat(ResultFormat.choose(null, "*/*")).isEqualTo(ResultFormat.JSON);
    }

    @Test
    void theFormatParameterWins() {
        assertThat(ResultFormat.choose("fhir", "text/csv")).isEqualTo(ResultFormat.FHIR);
        assertThat(ResultFormat.choose("CSV", null)).isEqualTo(ResultFormat.CSV);
    }

    @Test
    void rangesWithQZeroAreSkipped() {
        assertThat(ResultFormat.choose(null, "application/json;q=0, text/csv")).isEqualTo(ResultFormat.CSV);
    }

    @Test
    void nothingAcceptableIs406() {
        assertThatThrownBy(() -> ResultFormat.choose(null, "application/xml"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(406));
    }
}
