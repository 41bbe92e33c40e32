package no.kjernebro.core.internal.kj;

import java.util.Map;

/**
 * Typed reading of a configuration dictionary as ConfigAdmin delivers it (strings from .cfg files,
 * numbers from the shell or metatype). A value that cannot be read names its key.
 */
final class Props {

    private final Map<String, ?> values;

    Props(Map<String, ?> values) {
        this.values = values == null ? Map.of() : values;
    }

    boolean has(String key) {
        Object v = values.get(key);
        return v != null && !String.valueOf(v).isBlank();
    }

    String string(String key, String fallback) {
        return has(key) ? String.valueOf(values.get(key)).trim() : fallback;
    }

    long number(String key, long fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object v = values.get(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'");
        }
    }

    int integer(String key, int fallback) {
        long n = number(key, fallback);
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(key + " is out of range: " + n);
        }
        return (int) n;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        String v = String.valueOf(values.get(key)).trim();
        if ("true".equalsIgnoreCase(v) || "false".equalsIgnoreCase(v)) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(key + " must be true or false, not '" + v + "'");
    }

    /** The per-API value {@code <api>.<key>}, else the global {@code <key>}, else the API's default. */
    long perApi(Upstream api, String key, long apiDefault) {
        return number(api.key() + "." + key, number(key, apiDefault));
    }
}
