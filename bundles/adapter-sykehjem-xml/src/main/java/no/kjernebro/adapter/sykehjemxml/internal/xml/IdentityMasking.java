package no.kjernebro.adapter.sykehjemxml.internal.xml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kjernebro.api.identity.NationalIdentityNumber;

/**
 * Keeps identity numbers out of text that leaves the adapter in an error document or a log line:
 * the number the request named, wherever it appears, and any other run of 11 digits.
 */
public final class IdentityMasking {

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

    private IdentityMasking() {
    }

    public static String mask(String text, String patientId) {
        if (text == null) {
            return null;
        }
        String masked = text;
        if (patientId != null && patientId.length() > 2) {
            masked = masked.replace(patientId, NationalIdentityNumber.mask(patientId));
        }
        Matcher m = ELEVEN_DIGITS.matcher(masked);
        return m.replaceAll(r -> NationalIdentityNumber.mask(r.group()));
    }
}
