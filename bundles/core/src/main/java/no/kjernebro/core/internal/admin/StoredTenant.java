package no.kjernebro.core.internal.admin;

import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.osgi.service.cm.Configuration;

/** One tenant factory configuration as read from ConfigAdmin. */
record StoredTenant(Configuration configuration, Map<String, Object> properties) {

    StoredTenant {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    static StoredTenant of(Configuration configuration) {
        Map<String, Object> props = new LinkedHashMap<>();
        Dictionary<String, Object> dict = configuration.getProperties();
        if (dict != null) {
            for (Enumeration<String> keys = dict.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                props.put(key, dict.get(key));
            }
        }
        return new StoredTenant(configuration, props);
    }

    /** The configured kommunenummer, trimmed; null when the configuration has none. */
    String kommunenummer() {
        return TenantProperties.text(properties, TenantProperties.KOMMUNENUMMER);
    }

    String orgnr() {
        return TenantProperties.text(properties, TenantProperties.ORGNR);
    }

    Set<String> adapters() {
        return TenantProperties.list(properties.get(TenantProperties.ADAPTERS));
    }
}
