package no.kjernebro.auditreview.internal.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kjernebro.api.identity.NationalIdentityNumber;

/** Masks anything in free text that looks like a national identity number (11 digits in a row). */
public final class Identities {

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

    private Identities() {
    }

    public static String masked(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ELEVEN_DIGITS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(NationalIdentityNumber.mask(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
