package no.kjernebro.auditreview.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiRequestTest {

    @Test
    void queryValuesAreDecoded() {
        assertThat(ApiRequest.parseQuery("fra=2026-01-01T00%3A00%3A00%2B01%3A00&helsepersonell=hid-sb&x"))
                .containsEntry("fra", "2026-01-01T00:00:00+01:00")
                .containsEntry("helsepersonell", "hid-sb")
                .containsEntry("x", "");
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        assertThatThrownBy(() -> ApiRequest.parseQuery("kommune=5601&kommune=5503"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("'kommune' is given more than once");
    }

    @Test
    void brokenPercentEncodingIsRefused() {
        assertThatThrownBy(() -> ApiRequest.parseQuery("kommune=%G1"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("malformed percent-encoding");
    }

    @Test
    void pathSegmentsAreTakenBelowTheBasePath() {
        assertThat(ApiRequest.segments("/kjernebro/audit/v1/chains/5601/verify", "/kjernebro/audit/v1"))
                .containsExactly("chains", "5601", "verify");
        assertThat(ApiRequest.segments("/kjernebro/audit/v1", "/kjernebro/audit/v1")).isEmpty();
        assertThat(ApiRequest.segments("/kjernebro/audit/v10/x", "/kjernebro/audit/v1")).isNull();
    }
}
