package no.kjernebro.core.internal.tenant;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Collects the tenant configurations as they come and go. Lookups scan the (few hundred at most)
 * sources so that a modified kommunenummer is seen at once; two configurations claiming the same
 * kommunenummer put it out of service rather than guessing which one is meant.
 */
@Component(name = "no.kjernebro.tenants", service = TenantDirectory.class)
public final class TenantRegistry implements TenantDirectory {

    private final List<TenantSource> sources = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindTenant(TenantSource source) {
        sources.add(source);
    }

    void unbindTenant(TenantSource source) {
        sources.remove(source);
    }

    @Override
    public TenantLookup find(String kommunenummer) {
        if (kommunenummer == null) {
            return new Unknown();
        }
        TenantRegistration found = null;
        for (TenantSource source : sources) {
            TenantRegistration r = source.registration();
            if (r != null && kommunenummer.equals(r.kommunenummer())) {
                if (found != null) {
                    return new Unavailable("more than one tenant configuration has kommunenummer " + kommunenummer);
                }
                found = r;
            }
        }
        if (found == null) {
            return new Unknown();
        }
        return found.available() ? new Known(found.tenant()) : new Unavailable(found.problem());
    }
}
