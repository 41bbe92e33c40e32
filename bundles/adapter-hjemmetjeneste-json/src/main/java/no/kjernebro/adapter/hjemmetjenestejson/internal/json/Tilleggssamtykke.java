package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import no.kjernebro.api.lookup.Samtykker;

/**
 * Reads {@code tilleggssamtykke}, the patient's additional consents given at the visit. Strict where the
 * rest of the request is lenient about extra fields: a consent must be a JSON {@code true} or
 * {@code false}, and a misspelt key is refused rather than quietly read as "not given", so the nurse
 * never believes a consent went through when it did not.
 */
final class Tilleggssamtykke {

    static final String FIELD = "tilleggssamtykke";
    static final String SPERRET_KRITISK_INFO = "sperretKritiskInfo";
    static final String SPERRET_LEGEMIDLER = "sperretLegemidler";
    static final String LASTE_RESEPTER = "lasteResepter";
    private static final List<String> KEYS = List.of(SPERRET_KRITISK_INFO, SPERRET_LEGEMIDLER, LASTE_RESEPTER);

    private Tilleggssamtykke() {
    }

    /** {@link Samtykker#INGEN} when the field is absent or null; absent or null keys are "not given". */
    static Samtykker read(JsonNode root) throws TranslationException {
        JsonNode node = root.get(FIELD);
        if (node == null || node.isNull()) {
            return Samtykker.INGEN;
        }
        if (!node.isObject()) {
            throw OppslagTranslator.invalid(FIELD + " must be an object of " + String.join(", ", KEYS));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw OppslagTranslator.invalid(FIELD + " may hold only " + String.join(", ", KEYS));
            }
        }
        return new Samtykker(flag(node, SPERRET_KRITISK_INFO), flag(node, SPERRET_LEGEMIDLER),
                flag(node, LASTE_RESEPTER));
    }

    private static boolean flag(JsonNode object, String key) throws TranslationException {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw OppslagTranslator.invalid(FIELD + "." + key + " must be true or false");
        }
        return value.booleanValue();
    }
}
