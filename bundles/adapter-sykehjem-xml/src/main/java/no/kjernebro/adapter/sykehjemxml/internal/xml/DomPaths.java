package no.kjernebro.adapter.sykehjemxml.internal.xml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Walks the dialect's elements (all in one namespace) and reads text leaves leniently. */
final class DomPaths {

    /** Longest text the dialect accepts in any element; names and codes are far shorter. */
    static final int MAX_TEXT = 200;

    private DomPaths() {
    }

    /** Children of {@code parent} with the given local name in the dialect's namespace. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && OppslagFormat.NAMESPACE.equals(e.getNamespaceURI())
                    && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /**
     * Reads the text leaf at {@code names} below {@code start}, which is at {@code prefix}. A repeated
     * element is a problem, but reading goes on in its first occurrence so the value is still known.
     */
    static Leaf leaf(Element start, String prefix, String... names) {
        Element current = start;
        String path = prefix;
        String repeated = null;
        for (String name : names) {
            path = path.isEmpty() ? name : path + "/" + name;
            List<Element> found = children(current, name);
            if (found.isEmpty()) {
                return Leaf.absent(path, "missing element " + path);
            }
            if (found.size() > 1 && repeated == null) {
                repeated = "element " + path + " appears more than once";
            }
            current = found.get(0);
        }
        Leaf leaf = text(current, path);
        return repeated == null ? leaf : Leaf.broken(path, leaf.value(), repeated);
    }

    /** Reads one element's text content as a leaf. */
    static Leaf text(Element element, String path) {
        if (hasElementChildren(element)) {
            return Leaf.broken(path, null, "element " + path + " must contain text only");
        }
        String value = textOf(element);
        if (value.isEmpty()) {
            return Leaf.absent(path, "element " + path + " is empty");
        }
        if (value.length() > MAX_TEXT) {
            return Leaf.broken(path, null, "element " + path + " is longer than " + MAX_TEXT + " characters");
        }
        return Leaf.of(path, value);
    }

    private static boolean hasElementChildren(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private static String textOf(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        return text.toString().strip();
    }
}
