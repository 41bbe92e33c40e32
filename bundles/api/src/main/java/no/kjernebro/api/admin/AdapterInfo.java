package no.kjernebro.api.admin;

import java.util.Set;
import no.kjernebro.api.lookup.ServiceContext;

/**
 * An adapter deployed in this runtime.
 *
 * @param routes how many routes it has in the shared runtime now
 * @param bundle symbolic name and version of the bundle that provides it
 */
public record AdapterInfo(String id, String name, Set<ServiceContext> serviceContexts, int routes, String bundle) {
    public AdapterInfo {
        serviceContexts = serviceContexts == null ? Set.of() : Set.copyOf(serviceContexts);
    }
}
