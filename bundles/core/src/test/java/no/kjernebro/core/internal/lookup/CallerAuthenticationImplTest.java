package no.kjernebro.core.internal.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.tenant.TenantDirectory;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.Test;

class CallerAuthenticationImplTest {

    private final Map<String, TenantDirectory.TenantLookup> tenants = Map.of(
            "5601", new TenantDirectory.Known(TestTenants.alta()),
            "5536", new TenantDirectory.Known(TestTenants.lyngenDisabled()),
            "5503", new TenantDirectory.Unavailable("configuration invalid: orgnr"));
    private final CallerAuthenticationImpl auth =
            new CallerAuthenticationImpl(k -> tenants.getOrDefault(k, new TenantDirectory.Unknown()));

    private static CallerCredential key(String secret) {
        return new CallerCredential(CallerCredential.Scheme.API_KEY, secret);
    }

    @Test
    void theRightKeyForAnEnabledAdapterPasses() {
        assertThat(auth.authenticate(key(TestTenants.ALTA_KEY), "5601", "sykehjem-xml")).isEmpty();
    }

    @Test
    void refusalsFollowTheLookupOrder() {
        assertThat(auth.authenticate(key(TestTenants.ALTA_KEY), "9999", "sykehjem-xml")).contains(ErrorCode.UNKNOWN_TENANT);
        assertThat(auth.authenticate(key(TestTenants.ALTA_KEY), "5503", "sykehjem-xml")).contains(ErrorCode.TENANT_DISABLED);
        assertThat(auth.authenticate(key("x"), "5536", "sykehjem-xml")).contains(ErrorCode.TENANT_DISABLED);
        assertThat(auth.authenticate(null, "5601", "sykehjem-xml")).contains(ErrorCode.MISSING_CREDENTIAL);
        assertThat(auth.authenticate(key("wrong"), "5601", "sykehjem-xml")).contains(ErrorCode.BAD_CREDENTIAL);
        assertThat(auth.authenticate(key(TestTenants.ALTA_KEY), "5601", "not-enabled")).contains(ErrorCode.ADAPTER_NOT_ENABLED);
        assertThat(auth.authenticate(key(TestTenants.ALTA_KEY), "5601", null)).contains(ErrorCode.ADAPTER_NOT_ENABLED);
    }
}
