package no.kjernebro.adapter.sykehjemxml.internal.xml;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin StAX writer for the dialect: UTF-8, one namespace, ISO-8601 dates, and optional values
 * simply left out. Text is cleaned of characters XML 1.0 cannot carry, so data from kjernejournal can
 * never make an answer unparsable.
 */
final class XmlOut {

    // The JDK's own StAX implementation, not whichever one the OSGi class space offers.
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    private final XMLStreamWriter writer;

    XmlOut(String rootElement) {
        try {
            writer = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.setDefaultNamespace(OppslagFormat.NAMESPACE);
            writer.writeStartElement(OppslagFormat.NAMESPACE, rootElement);
            writer.writeDefaultNamespace(OppslagFormat.NAMESPACE);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot start XML document", e);
        }
    }

    XmlOut start(String name) {
        try {
            writer.writeStartElement(OppslagFormat.NAMESPACE, name);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    XmlOut attribute(String name, String value) {
        try {
            writer.writeAttribute(name, clean(value));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    XmlOut end() {
        try {
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Writes {@code <name>value</name>}, or nothing when the value is null. */
    XmlOut element(String name, String value) {
        if (value == null) {
            return this;
        }
        start(name);
        try {
            writer.writeCharacters(clean(value));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return end();
    }

    XmlOut element(String name, boolean value) {
        return element(name, Boolean.toString(value));
    }

    XmlOut element(String name, int value) {
        return element(name, Integer.toString(value));
    }

    XmlOut element(String name, LocalDate value) {
        return element(name, value == null ? null : value.toString());
    }

    XmlOut element(String name, OffsetDateTime value) {
        return element(name, dateTime(value));
    }

    static String dateTime(OffsetDateTime value) {
        return value == null ? null : DATE_TIME.format(value.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Closes every open element and returns the document. */
    byte[] finish() {
        try {
            writer.writeEndDocument();
            writer.flush();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static String clean(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && out == null) {
                out = new StringBuilder(value.substring(0, i));
            }
            if (out != null && allowed) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
