package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.summary.Helseindikator;

/**
 * Maps the {@code POST /v1/helseindikator} answer. Strict where a wrong guess would share or hide data:
 * a status outside 0-4, or a blocked-personnel flag that is not a boolean, is a rejected answer, not a
 * default. Optional fields that only inform (dates, tooltip) are read leniently.
 */
public final class HelseindikatorMapper {

    /** The statuses NHN documents: 0 invalid identity number ... 4 critical information. */
    static final int HIGHEST_STATUS = 4;

    private HelseindikatorMapper() {
    }

    public static Helseindikator map(JsonNode json) throws KjernejournalException {
        JsonNode status = json.get("status");
        int value;
        if (status != null && status.isIntegralNumber() && status.canConvertToInt()) {
            value = status.intValue();
        } else if (status != null && status.isTextual() && status.asText().trim().matches("\\d{1,3}")) {
            value = Integer.parseInt(status.asText().trim()); // tolerate "4": the meaning is unambiguous
        } else {
            throw rejected("Helseindikator answer has no numeric status");
        }
        if (value < 0 || value > HIGHEST_STATUS) {
            throw rejected("Helseindikator status " + value + " is not one NHN documents (0-4)");
        }
        List<Helseindikator.KategoriEndret> changed = new ArrayList<>();
        for (JsonNode k : json.path("sistEndretKritiskInfo")) {
            changed.add(new Helseindikator.KategoriEndret(Nodes.text(k, "kategori"),
                    Nodes.dateTime(Nodes.text(k, "sistEndret"))));
        }
        return new Helseindikator(
                value,
                Nodes.text(json, "returTekst"),
                flag(json, "eksistererBlokkertHelsepersonell"),
                flag(json, "harLasteResepter"),
                flag(json, "harLegemidler"),
                changed,
                Nodes.dateTime(Nodes.text(json, "sistEndretKritiskInfoDato")));
    }

    // Absent means false (NHN leaves out what does not apply); anything but a boolean is a broken answer.
    private static boolean flag(JsonNode json, String field) throws KjernejournalException {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw rejected("Helseindikator field " + field + " is not true or false");
        }
        return node.booleanValue();
    }

    private static KjernejournalException rejected(String message) {
        return new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, message);
    }
}
