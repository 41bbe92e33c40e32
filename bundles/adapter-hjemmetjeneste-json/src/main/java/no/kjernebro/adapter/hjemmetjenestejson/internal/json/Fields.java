package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads text fields of a JSON object by path: strictly (for the request) or leniently (to tell core
 * whatever a refused request named). Values are trimmed; a string is required where text is expected.
 */
final class Fields {

    private final JsonNode root;
    private final int maxText;

    Fields(JsonNode root, int maxText) {
        this.root = root;
        this.maxText = maxText;
    }

    /** The object read, for fields that are not text. */
    JsonNode root() {
        return root;
    }

    /** The text at the path, or null when absent, null, not text or too long. */
    String lenient(String... path) {
        JsonNode node = node(path);
        if (node == null || !node.isTextual()) {
            return null;
        }
        String value = node.asText().strip();
        return value.isEmpty() || value.length() > maxText ? null : value;
    }

    String optional(String... path) throws TranslationException {
        JsonNode node = node(path);
        if (node == null || node.isNull()) {
            return null;
        }
        return text(node, path);
    }

    String required(String... path) throws TranslationException {
        JsonNode node = node(path);
        if (node == null || node.isNull()) {
            throw OppslagTranslator.invalid("missing field " + String.join(".", path));
        }
        return text(node, path);
    }

    String matching(Pattern pattern, String form, String... path) throws TranslationException {
        String value = required(path);
        if (!pattern.matcher(value).matches()) {
            throw OppslagTranslator.invalid(String.join(".", path) + " must be " + form);
        }
        return value;
    }

    /** An optional array of strings; empty when absent. */
    List<String> stringArray(String name) throws TranslationException {
        JsonNode node = root.get(name);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray() || node.size() > 32) {
            throw OppslagTranslator.invalid(name + " must be an array of at most 32 strings");
        }
        for (JsonNode item : node) {
            out.add(text(item, name + "[]"));
        }
        return out;
    }

    private String text(JsonNode node, String... path) throws TranslationException {
        String name = String.join(".", path);
        if (!node.isTextual()) {
            throw OppslagTranslator.invalid(name + " must be a string");
        }
        String value = node.asText().strip();
        if (value.isEmpty()) {
            throw OppslagTranslator.invalid(name + " must not be empty");
        }
        if (value.length() > maxText) {
            throw OppslagTranslator.invalid(name + " must be at most " + maxText + " characters");
        }
        return value;
    }

    private JsonNode node(String... path) {
        JsonNode node = root;
        for (String name : path) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(name);
        }
        return node;
    }
}
