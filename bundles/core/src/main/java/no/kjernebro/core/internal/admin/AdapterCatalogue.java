package no.kjernebro.core.internal.admin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kjernebro.api.adapter.AdapterRoutes;
import no.kjernebro.api.admin.AdapterInfo;
import no.kjernebro.api.lookup.ServiceContext;

/**
 * The adapters in this runtime: every registered adapter route service, with the number of routes
 * the shared Camel runtime runs for it (0 when the runtime did not add them, e.g. a route id clash).
 */
final class AdapterCatalogue {

    /** An adapter route service as registered: its service properties and the bundle behind it. */
    record Registration(Map<String, Object> properties, String bundle) {
    }

    private AdapterCatalogue() {
    }

    static List<AdapterInfo> of(List<Registration> registrations, Map<String, Integer> deployedRoutes) {
        Map<String, AdapterInfo> byId = new LinkedHashMap<>();
        for (Registration r : registrations) {
            Object id = r.properties().get(AdapterRoutes.ADAPTER_ID);
            if (id == null) {
                continue;
            }
            Object name = r.properties().get(AdapterRoutes.ADAPTER_NAME);
            byId.put(id.toString(), new AdapterInfo(id.toString(), name == null ? null : name.toString(),
                    contexts(r.properties().get(AdapterRoutes.SERVICE_CONTEXTS)),
                    deployedRoutes.getOrDefault(id.toString(), 0), r.bundle()));
        }
        deployedRoutes.forEach((id, routes) ->
                byId.putIfAbsent(id, new AdapterInfo(id, null, Set.of(), routes, null)));
        return new ArrayList<>(byId.values());
    }

    private static Set<ServiceContext> contexts(Object value) {
        Set<ServiceContext> out = EnumSet.noneOf(ServiceContext.class);
        for (String name : TenantProperties.list(value)) {
            try {
                out.add(ServiceContext.valueOf(name));
            } catch (IllegalArgumentException e) {
                // an adapter built against a newer API may name a context this core does not know
            }
        }
        return out;
    }
}
