package no.kjernebro.adapter.sykehjemxml.internal.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import no.kjernebro.api.lookup.ErrorCode;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * DOM parsing for untrusted input. A DOCTYPE is refused outright, which rules out XXE, external DTDs
 * and entity expansion ("billion laughs") in one stroke; the remaining settings are belt and braces
 * should a future JAXP implementation ignore that feature.
 */
final class SecureXmlParser {

    // newDefaultInstance: always the JDK's own parser, whose feature names we know, never one that
    // happens to be visible through the OSGi class space.
    private static final DocumentBuilderFactory FACTORY = createFactory();

    private SecureXmlParser() {
    }

    static Document parse(byte[] body, String charset) throws TranslationException {
        if (body.length == 0) {
            throw new TranslationException(ErrorCode.MALFORMED_MESSAGE, "the message body is empty");
        }
        InputSource source = new InputSource(new ByteArrayInputStream(body));
        if (charset != null) {
            source.setEncoding(charset);
        }
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(FAIL_ON_ANY_ERROR);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return builder.parse(source);
        } catch (SAXParseException e) {
            throw malformed(e);
        } catch (SAXException | IOException e) {
            throw new TranslationException(ErrorCode.MALFORMED_MESSAGE, "the message is not well-formed XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    }

    private static TranslationException malformed(SAXParseException e) {
        String where = " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
        // The parser's own text may quote the input, so only its kind is passed on.
        String text = String.valueOf(e.getMessage());
        if (text.contains("DOCTYPE")) {
            return new TranslationException(ErrorCode.MALFORMED_MESSAGE,
                    "a DOCTYPE declaration is not allowed" + where);
        }
        return new TranslationException(ErrorCode.MALFORMED_MESSAGE, "the message is not well-formed XML" + where);
    }

    private static final ErrorHandler FAIL_ON_ANY_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a message invalid
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static DocumentBuilderFactory createFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser does not support secure configuration", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setValidating(false);
        return factory;
    }
}
