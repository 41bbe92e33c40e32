package no.kjernebro.adapter.sykehjemxml.internal.xml;

import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.lookup.ErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reads a parsed {@code KjernejournalOppslag} into a {@link RawOppslag}, judging nothing but the root. */
final class OppslagReader {

    private OppslagReader() {
    }

    static RawOppslag read(Document document) throws TranslationException {
        Element root = document.getDocumentElement();
        if (!OppslagFormat.NAMESPACE.equals(root.getNamespaceURI())
                || !OppslagFormat.OPPSLAG.equals(root.getLocalName())) {
            throw new TranslationException(ErrorCode.INVALID_REQUEST, "the root element must be "
                    + OppslagFormat.OPPSLAG + " in namespace " + OppslagFormat.NAMESPACE + ", found "
                    + describe(root));
        }
        boolean bruker = !DomPaths.children(root, "Bruker").isEmpty();
        boolean saksbehandler = !DomPaths.children(root, "Saksbehandler").isEmpty();
        RawOppslag.ActorKind kind = bruker && saksbehandler ? RawOppslag.ActorKind.BOTH
                : bruker ? RawOppslag.ActorKind.BRUKER
                : saksbehandler ? RawOppslag.ActorKind.SAKSBEHANDLER
                : RawOppslag.ActorKind.NONE;
        // With both actors present the Bruker is recorded: it is the stronger claim and core audits it.
        boolean caseWorker = kind == RawOppslag.ActorKind.SAKSBEHANDLER;
        String actor = caseWorker ? "Saksbehandler" : "Bruker";
        return new RawOppslag(
                DomPaths.leaf(root, "", "MeldingsId"),
                DomPaths.leaf(root, "", "Avsender", "Kommunenummer"),
                DomPaths.leaf(root, "", "Avsender", "Organisasjonsnummer"),
                DomPaths.leaf(root, "", "Avsender", "Enhet"),
                DomPaths.leaf(root, "", "Avsender", "System", "Navn"),
                DomPaths.leaf(root, "", "Avsender", "System", "Versjon"),
                kind,
                DomPaths.leaf(root, "", actor, caseWorker ? "HelseIdSubjekt" : "HprNummer"),
                DomPaths.leaf(root, "", actor, "Navn"),
                DomPaths.leaf(root, "", actor, caseWorker ? "Rolle" : "Helsepersonellkategori"),
                DomPaths.leaf(root, "", "Pasient", "Fodselsnummer"),
                DomPaths.leaf(root, "", "Tjenestested"),
                DomPaths.leaf(root, "", "Tilgangsgrunnlag"),
                wantedSections(root),
                samtykke(root, "SperretKritiskInfo"),
                samtykke(root, "SperretLegemidler"),
                samtykke(root, "LasteResepter"));
    }

    // Only an absent consent defaults to "not given": an element sent empty is a malformed consent.
    private static Leaf samtykke(Element root, String name) {
        Leaf leaf = DomPaths.leaf(root, "", OppslagFormat.TILLEGGSSAMTYKKE, name);
        boolean sent = DomPaths.children(root, OppslagFormat.TILLEGGSSAMTYKKE).stream()
                .anyMatch(group -> !DomPaths.children(group, name).isEmpty());
        return sent && leaf.missing() ? Leaf.broken(leaf.path(), null, leaf.problem()) : leaf;
    }

    private static List<Leaf> wantedSections(Element root) {
        List<Leaf> deler = new ArrayList<>();
        for (Element group : DomPaths.children(root, "OnsketInnhold")) {
            for (Element del : DomPaths.children(group, "Del")) {
                deler.add(DomPaths.text(del, "OnsketInnhold/Del"));
            }
        }
        return deler;
    }

    private static String describe(Element root) {
        String ns = root.getNamespaceURI();
        String name = root.getLocalName() == null ? root.getTagName() : root.getLocalName();
        String found = ns == null ? name + " without namespace" : name + " in namespace " + ns;
        return found.length() > 120 ? found.substring(0, 120) + "..." : found;
    }
}
