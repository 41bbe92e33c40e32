package no.kjernebro.adapter.sykehjemxml.internal.xml;

import java.io.ByteArrayInputStream;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** XPath over rendered documents, with prefix {@code s} bound to the dialect's namespace. */
public final class Dom {

    private final Document document;
    private final XPath xpath;

    private Dom(Document document) {
        this.document = document;
        this.xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "s".equals(prefix) ? OppslagFormat.NAMESPACE : null;
            }

            @Override
            public String getPrefix(String namespaceURI) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String namespaceURI) {
                return null;
            }
        });
    }

    public static Dom of(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            return new Dom(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            throw new AssertionError("not parsable XML", e);
        }
    }

    public String text(String expression) {
        try {
            return (String) xpath.evaluate(expression, document, XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError(expression, e);
        }
    }

    public int count(String expression) {
        try {
            return ((NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET)).getLength();
        } catch (Exception e) {
            throw new AssertionError(expression, e);
        }
    }
}
