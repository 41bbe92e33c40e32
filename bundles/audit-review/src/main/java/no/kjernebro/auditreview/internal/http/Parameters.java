package no.kjernebro.auditreview.internal.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.kjernebro.api.audit.AuditEntry;

/**
 * Reads one request's parameters (from a query string or a JSON body), each by name and kind. Every
 * value is checked against the form it must have, so anything else (SQL, script, path tricks) is
 * a 400 before it gets near the store; what passes is only ever used as a value.
 */
final class Parameters {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final int MAX_VALUE_LENGTH = 200;

    /** kommunenummer, or the chain of records without one. */
    static final Pattern CHAIN = Pattern.compile("\\d{4}|" + Pattern.quote(AuditEntry.SYSTEM_CHAIN));
    static final Pattern KOMMUNENUMMER = Pattern.compile("\\d{4}");
    /** HPR numbers, HelseID subjects, operator and auditor names. */
    static final Pattern ACTOR = Pattern.compile("[\\p{L}\\p{N}._@:-]{1,100}");
    static final Pattern ADAPTER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Map<String, String> values;

    Parameters(Map<String, String> values, Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw ApiProblem.badRequest("unknown parameter '" + Words.clip(name) + "'; known parameters: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getValue() != null && e.getValue().length() > MAX_VALUE_LENGTH) {
                throw ApiProblem.badRequest(e.getKey() + " is longer than " + MAX_VALUE_LENGTH + " characters");
            }
        }
        this.values = values;
    }

    boolean has(String name) {
        String v = values.get(name);
        return v != null && !v.isEmpty();
    }

    String raw(String name) {
        return has(name) ? values.get(name) : null;
    }

    String matching(String name, Pattern pattern, String expected) {
        String v = raw(name);
        if (v != null && !pattern.matcher(v).matches()) {
            throw ApiProblem.badRequest(name + " must be " + expected + "; got '" + Words.clip(v) + "'");
        }
        return v;
    }

    /** An ISO-8601 instant or offset date-time, or a date meaning its start in Norway. */
    Instant moment(String name, boolean dateMeansEndOfDay) {
        String v = raw(name);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (dateMeansEndOfDay ? day.plusDays(1) : day).atStartOfDay(OSLO).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            throw ApiProblem.badRequest(name + " must be an ISO-8601 instant (2026-01-31T23:00:00Z, offsets "
                    + "allowed; write '+' as %2B in a URL) or a date (2026-01-31); got '" + Words.clip(v) + "'");
        }
    }

    LocalDate date(String name) {
        String v = raw(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            throw ApiProblem.badRequest(name + " must be a date (2026-01-31); got '" + Words.clip(v) + "'");
        }
    }

    long number(String name, long min, long max, long fallback) {
        String v = raw(name);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name + " must be a whole number; got '" + Words.clip(v) + "'");
        }
        if (n < min || n > max) {
            throw ApiProblem.badRequest(name + " must be between " + min + " and " + max + "; got " + n);
        }
        return n;
    }

    boolean flag(String name) {
        String v = raw(name);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.badRequest(name + " must be true or false; got '" + Words.clip(v) + "'");
        };
    }

    <E extends Enum<E>> E oneOf(String name, Class<E> type) {
        String v = raw(name);
        return v == null ? null : parseEnum(name, v, type);
    }

    /** A comma-separated list of enum names. */
    <E extends Enum<E>> Set<E> someOf(String name, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        String v = raw(name);
        if (v != null) {
            for (String part : v.split(",")) {
                result.add(parseEnum(name, part.trim(), type));
            }
        }
        return result;
    }

    private static <E extends Enum<E>> E parseEnum(String name, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw ApiProblem.badRequest(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                + "; got '" + Words.clip(value) + "'");
    }
}
