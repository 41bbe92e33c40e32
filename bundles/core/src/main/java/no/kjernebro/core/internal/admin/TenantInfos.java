package no.kjernebro.core.internal.admin;

import java.util.List;
import java.util.Map;
import no.kjernebro.api.admin.TenantInfo;
import no.kjernebro.core.internal.tenant.InvalidTenantException;
import no.kjernebro.core.internal.tenant.TenantDirectory;
import no.kjernebro.core.internal.tenant.TenantParser;
import no.kjernebro.core.internal.tenant.TenantSettings;

/** A tenant configuration as operators see it: its values, and whether it can be served and why not. */
final class TenantInfos {

    private TenantInfos() {
    }

    /**
     * @param directory when given, a valid configuration the tenant directory does not know yet is
     *                  reported as not in service; null right after a change, which the directory
     *                  picks up a moment later
     * @param all every tenant configuration, to find a kommunenummer claimed twice
     */
    static TenantInfo of(Map<String, Object> props, TenantDirectory directory, List<StoredTenant> all) {
        TenantSettings s = TenantProperties.settings(props);
        String kommunenummer = s.kommunenummer();
        String problem = null;
        try {
            // the tenant component's own rules, so valid here means in service there
            TenantParser.parse(s);
        } catch (InvalidTenantException e) {
            problem = "configuration invalid: " + e.getMessage();
        }
        long claims = all.stream().filter(t -> kommunenummer != null && kommunenummer.equals(t.kommunenummer())).count();
        if (problem == null && claims > 1) {
            problem = claims + " configurations have kommunenummer " + kommunenummer;
        }
        if (problem == null && directory != null
                && directory.find(kommunenummer) instanceof TenantDirectory.Unknown) {
            problem = "not in service yet: the tenant component has not picked the configuration up";
        }
        return new TenantInfo(kommunenummer, s.orgnr(), TenantProperties.text(props, TenantProperties.NAME),
                s.enabled(), problem == null, problem, TenantProperties.list(props.get(TenantProperties.ADAPTERS)),
                s.helseIdClientId());
    }
}
