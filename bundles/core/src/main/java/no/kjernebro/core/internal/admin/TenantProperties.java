package no.kjernebro.core.internal.admin;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import no.kjernebro.core.internal.tenant.TenantSettings;

/**
 * Reads tenant configuration properties the way the tenant component sees them. A {@code .cfg} file
 * gives every value as a String (lists comma-separated); ConfigAdmin may also hold arrays or
 * collections. Values written back are always Strings, so that fileinstall keeps the file in the
 * plain form (and with the comments) an operator wrote it in.
 */
final class TenantProperties {

    static final String KOMMUNENUMMER = "kommunenummer";
    static final String ORGNR = "orgnr";
    static final String NAME = "name";
    static final String ENABLED = "enabled";
    static final String ADAPTERS = "adapters";
    static final String CLIENT_ID = "helseid.clientId";
    static final String KEY_FILE = "helseid.keyFile";
    static final String CREDENTIALS = "credential.sha256";
    static final String POLICY = "policy.override";
    static final String HELSEID_MODE = "helseid.mode";
    static final String HELSEID_KEY_ID = "helseid.keyId";
    static final String HELSEID_DPOP = "helseid.dpop";
    static final String HELSEID_DPOP_KEY_FILE = "helseid.dpopKeyFile";

    private TenantProperties() {
    }

    static String text(Map<String, Object> props, String key) {
        Object v = props.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s.trim();
        }
        return String.join(",", list(v));
    }

    /** Any list representation as an ordered set: comma lists, arrays and collections, blanks dropped. */
    static Set<String> list(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null) {
            return out;
        }
        if (value instanceof Collection<?> c) {
            c.forEach(item -> out.addAll(list(item)));
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                out.addAll(list(Array.get(value, i)));
            }
        } else {
            for (String part : String.valueOf(value).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    static boolean enabled(Map<String, Object> props) {
        Object v = props.get(ENABLED);
        // the tenant component's default: a tenant without the key is enabled
        return v == null || Boolean.parseBoolean(String.valueOf(v).trim());
    }

    static TenantSettings settings(Map<String, Object> props) {
        return new TenantSettings(text(props, KOMMUNENUMMER), text(props, ORGNR), text(props, NAME), enabled(props),
                array(props, ADAPTERS), text(props, CLIENT_ID), text(props, KEY_FILE), array(props, CREDENTIALS),
                array(props, POLICY), blankIsNull(text(props, HELSEID_MODE)), blankIsNull(text(props, HELSEID_KEY_ID)),
                blankIsNull(text(props, HELSEID_DPOP)), blankIsNull(text(props, HELSEID_DPOP_KEY_FILE)));
    }

    // an empty key in a .cfg file means "the default", as it does for the tenant component
    private static String blankIsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String[] array(Map<String, Object> props, String key) {
        return list(props.get(key)).toArray(new String[0]);
    }
}
