package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Legemiddel;
import no.kjernebro.api.summary.Legemidler;
import no.kjernebro.api.summary.Merknad;

/**
 * Maps the {@code GET /v1/legemidler} answer. An unknown category is shown as a medicine and an
 * unknown status left empty, each with a {@link Merknad}; an entry without a name is kept only as a
 * merknad. An answer without the {@code legemidler} list is refused.
 */
public final class LegemiddelMapper {

    /** The medication section and what could not be mapped. */
    public record Content(Legemidler legemidler, List<Merknad> merknader) {
    }

    private LegemiddelMapper() {
    }

    public static Content map(JsonNode json) throws KjernejournalException {
        JsonNode list = json.get("legemidler");
        if (list == null || !list.isArray()) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED,
                    "medication: the answer has no legemidler list");
        }
        Merknader merknader = new Merknader();
        List<Legemiddel> items = new ArrayList<>();
        for (JsonNode l : list) {
            String navn = Nodes.text(l, "navn");
            if (navn == null || navn.isBlank()) {
                merknader.add(Section.LEGEMIDLER, Merknader.MANGLER_FELT, "Et legemiddel fra kjernejournal mangler navn "
                        + "og kan ikke vises strukturert; se kjernejournal for innholdet.", "legemiddel", l);
                continue;
            }
            String kategoriCode = Nodes.text(l, "kategori");
            Legemiddel.Kategori kategori = kategori(kategoriCode);
            if (kategori == null) {
                // still shown, as a medicine: hiding a prescription is the worse error
                kategori = Legemiddel.Kategori.LEGEMIDDEL;
                merknader.add(Section.LEGEMIDLER, Merknader.UKJENT_KODE, "Ukjent kategori " + kategoriCode + " for "
                        + navn + "; vist som legemiddel.", "legemiddel", l);
            }
            String statusCode = Nodes.text(l, "status");
            Legemiddel.Status status = status(statusCode);
            if (status == null && statusCode != null) {
                merknader.add(Section.LEGEMIDLER, Merknader.UKJENT_KODE, "Ukjent status " + statusCode + " for "
                        + navn + "; statusen er ikke vist.", "legemiddel", l);
            }
            items.add(new Legemiddel(kategori, navn, Nodes.text(l, "atc"), Nodes.text(l, "styrke"),
                    Nodes.text(l, "dosering"), status, l.path("multidose").asBoolean(false),
                    Nodes.date(Nodes.text(l, "rekvirert")), Nodes.date(Nodes.text(l, "utlevert")),
                    Nodes.text(l, "rekvirent")));
        }
        if (json.path("legemidlerSperret").asBoolean(false)) {
            merknader.add(Section.LEGEMIDLER, Merknader.MODUL_SPERRET, "Pasienten har sperret legemiddelopplysningene; "
                    + "de vises bare med pasientens samtykke.", null, null);
        }
        return new Content(new Legemidler(items, json.path("lasteResepterSkjult").asBoolean(false)), merknader.toList());
    }

    private static Legemiddel.Kategori kategori(String code) {
        if (code != null) {
            for (Legemiddel.Kategori k : Legemiddel.Kategori.values()) {
                if (k.name().equals(code)) {
                    return k;
                }
            }
        }
        return code == null ? Legemiddel.Kategori.LEGEMIDDEL : null;
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
