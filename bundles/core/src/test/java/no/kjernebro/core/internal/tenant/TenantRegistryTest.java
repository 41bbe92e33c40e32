package no.kjernebro.core.internal.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.Test;

class TenantRegistryTest {

    private final TenantRegistry registry = new TenantRegistry();

    private static TenantSource source(TenantRegistration r) {
        return () -> r;
    }

    @Test
    void findsKnownUnavailableAndUnknownTenants() {
        Tenant alta = TestTenants.alta();
        registry.bindTenant(source(new TenantRegistration("5601", alta, null)));
        registry.bindTenant(source(new TenantRegistration("5503", null, "configuration invalid: orgnr")));
        assertThat(registry.find("5601")).isEqualTo(new TenantDirectory.Known(alta));
        assertThat(registry.find("5503")).isEqualTo(new TenantDirectory.Unavailable("configuration invalid: orgnr"));
        assertThat(registry.find("9999")).isInstanceOf(TenantDirectory.Unknown.class);
        assertThat(registry.find(null)).isInstanceOf(TenantDirectory.Unknown.class);
    }

    @Test
    void removingAConfigurationRemovesTheTenant() {
        TenantSource s = source(new TenantRegistration("5601", TestTenants.alta(), null));
        registry.bindTenant(s);
        registry.unbindTenant(s);
        assertThat(registry.find("5601")).isInstanceOf(TenantDirectory.Unknown.class);
    }

    @Test
    void twoConfigurationsForOneMunicipalityPutItOutOfService() {
        registry.bindTenant(source(new TenantRegistration("5601", TestTenants.alta(), null)));
        registry.bindTenant(source(new TenantRegistration("5601", TestTenants.alta(), null)));
        assertThat(registry.find("5601")).isInstanceOf(TenantDirectory.Unavailable.class);
    }
}
