package no.kjernebro.adapter.forvaltningfil.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the parsed request object into a {@link RawOppslag}: known fields by name, every other field
 * recorded as a problem (a case system that sends a field we ignore would believe it had effect).
 */
final class OppslagReader {

    static final Set<String> TOP_FIELDS = Set.of("meldingsId", "saksnummer", "kommune", "fagsystem",
            "saksbehandler", "bruker", "formaal", "tilgangsgrunnlag", "tilleggssamtykke", "onsketInnhold", "apiNokkel", "helseIdToken");
    static final Set<String> FAGSYSTEM_FIELDS = Set.of("navn", "versjon");
    static final Set<String> SAKSBEHANDLER_FIELDS = Set.of("helseIdSubjekt", "navn", "rolle", "enhet");
    static final Set<String> BRUKER_FIELDS = Set.of("fodselsnummer");
    static final Set<String> TILLEGGSSAMTYKKE_FIELDS = Set.of("sperretKritiskInfo", "sperretLegemidler", "lasteResepter");

    private final List<String> problems = new ArrayList<>();

    private OppslagReader() {
    }

    static RawOppslag read(JsonNode root) {
        return new OppslagReader().readRoot(root);
    }

    private RawOppslag readRoot(JsonNode root) {
        unknownFields(root, "", TOP_FIELDS);
        JsonNode fagsystem = object(root, "fagsystem", FAGSYSTEM_FIELDS);
        JsonNode saksbehandler = object(root, "saksbehandler", SAKSBEHANDLER_FIELDS);
        JsonNode bruker = object(root, "bruker", BRUKER_FIELDS);
        JsonNode tilleggssamtykke = object(root, "tilleggssamtykke", TILLEGGSSAMTYKKE_FIELDS);
        return new RawOppslag(problems,
                text(root, "", "meldingsId"),
                text(root, "", "saksnummer"),
                text(root, "", "kommune"),
                text(fagsystem, "fagsystem.", "navn"),
                text(fagsystem, "fagsystem.", "versjon"),
                text(saksbehandler, "saksbehandler.", "helseIdSubjekt"),
                text(saksbehandler, "saksbehandler.", "navn"),
                text(saksbehandler, "saksbehandler.", "rolle"),
                text(saksbehandler, "saksbehandler.", "enhet"),
                text(bruker, "bruker.", "fodselsnummer"),
                text(root, "", "formaal"),
                text(root, "", "tilgangsgrunnlag"),
                flag(tilleggssamtykke, "tilleggssamtykke.", "sperretKritiskInfo"),
                flag(tilleggssamtykke, "tilleggssamtykke.", "sperretLegemidler"),
                flag(tilleggssamtykke, "tilleggssamtykke.", "lasteResepter"),
                textArray(root, "onsketInnhold"),
                text(root, "", "apiNokkel"),
                text(root, "", "helseIdToken"));
    }

    private void unknownFields(JsonNode object, String prefix, Set<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add("unknown field '" + prefix + shortened(name) + "'");
            }
        }
    }

    /** The nested object, or null when absent, null or of another type (then recorded as a problem). */
    private JsonNode object(JsonNode parent, String name, Set<String> known) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add("field '" + name + "' must be an object, not " + kind(node));
            return null;
        }
        unknownFields(node, name + ".", known);
        return node;
    }

    private static Felt text(JsonNode parent, String prefix, String name) {
        String path = prefix + name;
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return Felt.absent(path);
        }
        if (!node.isTextual()) {
            return new Felt(path, null, "field '" + path + "' must be a string, not " + kind(node));
        }
        return new Felt(path, node.textValue(), null);
    }

    /** A JSON boolean, kept as the text {@code true} or {@code false}; anything else is a problem. */
    private static Felt flag(JsonNode parent, String prefix, String name) {
        String path = prefix + name;
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return Felt.absent(path);
        }
        if (!node.isBoolean()) {
            return new Felt(path, null, "field '" + path + "' must be true or false, not " + kind(node));
        }
        return new Felt(path, Boolean.toString(node.booleanValue()), null);
    }

    private List<Felt> textArray(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        List<Felt> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isArray()) {
            problems.add("field '" + name + "' must be an array of strings, not " + kind(node));
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String path = name + "[" + i + "]";
            items.add(item.isTextual() ? new Felt(path, item.textValue(), null)
                    : new Felt(path, null, "field '" + path + "' must be a string, not " + kind(item)));
        }
        return items;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    // An unknown field name is quoted back in the error: keep it short and free of identity numbers.
    private static String shortened(String name) {
        String masked = IdentityMasking.mask(name, null);
        return masked.length() > 40 ? masked.substring(0, 40) + "..." : masked;
    }
}
