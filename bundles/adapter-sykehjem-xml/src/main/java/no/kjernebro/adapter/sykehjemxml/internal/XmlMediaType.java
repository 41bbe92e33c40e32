package no.kjernebro.adapter.sykehjemxml.internal;

import java.util.Locale;

/** Reading a Content-Type header: is it XML, and which charset does it name. */
final class XmlMediaType {

    private XmlMediaType() {
    }

    /** True for {@code application/xml}, {@code text/xml} and any {@code +xml} type, parameters allowed. */
    static boolean isXml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/xml") || type.equals("text/xml")
                || (type.startsWith("application/") && type.endsWith("+xml"));
    }

    /** The {@code charset} parameter, or null when there is none. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String value = pair[1].strip().replace("\"", "");
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
