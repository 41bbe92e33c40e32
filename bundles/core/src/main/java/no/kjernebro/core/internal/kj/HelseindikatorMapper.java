package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.summary.Helseindikator;

/** Maps the {@code POST /v1/helseindikator} answer. */
public final class HelseindikatorMapper {

    private HelseindikatorMapper() {
    }

    public static Helseindikator map(JsonNode json) {
        List<Helseindikator.KategoriEndret> changed = new ArrayList<>();
        for (JsonNode k : json.path("sistEndretKritiskInfo")) {
            changed.add(new Helseindikator.KategoriEndret(Nodes.text(k, "kategori"),
                    Nodes.dateTime(Nodes.text(k, "sistEndret"))));
        }
        return new Helseindikator(
                json.path("status").asInt(0),
                Nodes.text(json, "returTekst"),
                json.path("eksistererBlokkertHelsepersonell").asBoolean(false),
                json.path("harLasteResepter").asBoolean(false),
                json.path("harLegemidler").asBoolean(false),
                changed,
                Nodes.dateTime(Nodes.text(json, "sistEndretKritiskInfoDato")));
    }
}
