package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Lenient readers for JSON trees: a missing or malformed optional field becomes null, not an error. */
final class Nodes {

    private Nodes() {
    }

    /** Text at a path of field names and array indexes ("name", 0, "given"); null when absent. */
    static String text(JsonNode node, Object... path) {
        JsonNode n = at(node, path);
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    static JsonNode at(JsonNode node, Object... path) {
        JsonNode n = node;
        for (Object step : path) {
            n = step instanceof Integer i ? n.path(i) : n.path((String) step);
        }
        return n;
    }

    /** A FHIR date or dateTime as a date (the day it happened, as written). */
    static LocalDate date(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static OffsetDateTime dateTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
