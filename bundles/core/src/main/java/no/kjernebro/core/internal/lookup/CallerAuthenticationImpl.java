package no.kjernebro.core.internal.lookup;

import java.util.Optional;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.sweep.CallerAuthentication;
import no.kjernebro.core.internal.tenant.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The caller check of a lookup, offered on its own to services that answer EPJ systems without naming
 * a patient (the medication sweep). Same rules and order as {@link LookupServiceImpl}: tenant known,
 * enabled, credential, adapter enabled.
 */
@Component(name = "no.kjernebro.callerauthentication", service = CallerAuthentication.class)
public final class CallerAuthenticationImpl implements CallerAuthentication {

    private final TenantDirectory tenants;

    @Activate
    public CallerAuthenticationImpl(@Reference TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public Optional<ErrorCode> authenticate(CallerCredential credential, String kommunenummer, String adapterId) {
        CallerCheck.Result caller = CallerCheck.check(tenants, kommunenummer, credential);
        if (!caller.passed()) {
            return Optional.of(caller.refusal().error());
        }
        if (adapterId == null || !caller.tenant().adapters().contains(adapterId)) {
            return Optional.of(ErrorCode.ADAPTER_NOT_ENABLED);
        }
        return Optional.empty();
    }
}
