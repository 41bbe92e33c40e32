package no.kjernebro.adapterkit.conformance;

import java.util.Arrays;
import java.util.List;

/**
 * Hostile messages an adapter must refuse before anything is expanded, fetched or looked up. The
 * adapter's test writes each in its own dialect around an otherwise valid lookup for {@link Demo#PATIENT}.
 */
public enum Hostility {

    /** A DOCTYPE declaring an external entity that points at the secret file, used inside an element. */
    XML_EXTERNAL_ENTITY(Dialect.XML),
    /** "Billion laughs": nested internal entities that would expand to gigabytes. */
    XML_ENTITY_EXPANSION(Dialect.XML),
    /** A DOCTYPE naming an external DTD (SYSTEM identifier) that must never be fetched. */
    XML_EXTERNAL_DTD(Dialect.XML),
    /** Arrays or objects nested a thousand levels deep. */
    JSON_DEEP_NESTING(Dialect.JSON),
    /** The same key twice in one object (credential or patient), which must not silently win. */
    JSON_DUPLICATE_KEY(Dialect.JSON);

    private final Dialect dialect;

    Hostility(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** What an adapter of the dialect must refuse. */
    public static List<Hostility> of(Dialect dialect) {
        return Arrays.stream(values()).filter(h -> h.dialect == dialect).toList();
    }

    /** The entity definitions of a billion-laughs DOCTYPE whose top entity is {@code lol9}. */
    public static String billionLaughsEntities() {
        StringBuilder dtd = new StringBuilder(" <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            String previous = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            dtd.append(" <!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">\n");
        }
        return dtd.toString();
    }

    /** {@code depth} opening brackets, then as many closing: a JSON value nested that deep. */
    public static String deeplyNestedJsonArray(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }
}
