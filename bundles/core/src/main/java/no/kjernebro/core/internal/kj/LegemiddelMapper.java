package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.summary.Legemiddel;
import no.kjernebro.api.summary.Legemidler;

/** Maps the {@code GET /v1/legemidler} answer. */
public final class LegemiddelMapper {

    private LegemiddelMapper() {
    }

    public static Legemidler map(JsonNode json) {
        List<Legemiddel> items = new ArrayList<>();
        for (JsonNode l : json.path("legemidler")) {
            items.add(new Legemiddel(
                    kategori(Nodes.text(l, "kategori")),
                    Nodes.text(l, "navn"),
                    Nodes.text(l, "atc"),
                    Nodes.text(l, "styrke"),
                    Nodes.text(l, "dosering"),
                    status(Nodes.text(l, "status")),
                    l.path("multidose").asBoolean(false),
                    Nodes.date(Nodes.text(l, "rekvirert")),
                    Nodes.date(Nodes.text(l, "utlevert")),
                    Nodes.text(l, "rekvirent")));
        }
        return new Legemidler(items, json.path("lasteResepterSkjult").asBoolean(false));
    }

    // An unknown category is still shown (as a medicine): hiding a prescription is the worse error.
    private static Legemiddel.Kategori kategori(String code) {
        if (code != null) {
            for (Legemiddel.Kategori k : Legemiddel.Kategori.values()) {
                if (k.name().equals(code)) {
                    return k;
                }
            }
        }
        return Legemiddel.Kategori.LEGEMIDDEL;
    }

    private static Legemiddel.Status status(String code) {
        if (code != null) {
            for (Legemiddel.Status s : Legemiddel.Status.values()) {
                if (s.name().equals(code)) {
                    return s;
                }
            }
        }
        return null;
    }
}
