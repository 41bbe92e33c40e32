package no.kjernebro.adapter.sykehjemxml.internal.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Validation against the dialect's schema as shipped in the bundle. */
public final class Xsd {

    private static final Schema SCHEMA = load();

    private Xsd() {
    }

    /** Throws with the validator's message when the document does not validate. */
    public static void validate(byte[] document) {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXException | IOException e) {
            throw new AssertionError("does not validate against sykehjem-oppslag-v1.xsd: " + e.getMessage(), e);
        }
    }

    private static Schema load() {
        URL xsd = Xsd.class.getResource("/xsd/sykehjem-oppslag-v1.xsd");
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("schema does not load", e);
        }
    }
}
