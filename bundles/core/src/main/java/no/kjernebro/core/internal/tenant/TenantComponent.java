package no.kjernebro.core.internal.tenant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance per {@code etc/no.kjernebro.tenant-*.cfg}. An invalid configuration still registers
 * (as unavailable, with the problem logged at ERROR) so that the tenant's callers get
 * TENANT_DISABLED and an audit record instead of silently becoming unknown.
 */
@Component(name = TenantComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = TenantSource.class)
@Designate(ocd = TenantConfiguration.class, factory = true)
public final class TenantComponent implements TenantSource {

    static final String PID = "no.kjernebro.tenant";
    private static final Logger LOG = LoggerFactory.getLogger(TenantComponent.class);

    private volatile TenantRegistration registration;

    @Activate
    @Modified
    void configure(TenantConfiguration config) {
        registration = load(TenantSettings.of(config));
    }

    static TenantRegistration load(TenantSettings settings) {
        String kommunenummer = settings.kommunenummer() == null ? null : settings.kommunenummer().trim();
        try {
            Tenant tenant = TenantParser.parse(settings);
            LOG.info("Tenant {} ready: {}", kommunenummer, tenant);
            return new TenantRegistration(kommunenummer, tenant, null);
        } catch (InvalidTenantException e) {
            LOG.error("Tenant {} configuration is invalid, the tenant is NOT in service: {}", kommunenummer, e.getMessage());
            return new TenantRegistration(kommunenummer, null, "configuration invalid: " + e.getMessage());
        }
    }

    @Override
    public TenantRegistration registration() {
        return registration;
    }
}
