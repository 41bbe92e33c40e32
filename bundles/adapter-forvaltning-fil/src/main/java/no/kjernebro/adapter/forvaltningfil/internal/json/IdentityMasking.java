package no.kjernebro.adapter.forvaltningfil.internal.json;

import java.util.regex.Pattern;
import no.kjernebro.api.identity.NationalIdentityNumber;

/**
 * Keeps identity numbers out of text that leaves the adapter in an error file or a log line: the
 * number the request named, wherever it appears, and any other run of 11 digits (a file name, a field
 * name or a parser message may carry one).
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
        if (patientId != null && patientId.strip().length() > 2) {
            masked = masked.replace(patientId.strip(), NationalIdentityNumber.mask(patientId.strip()));
        }
        return ELEVEN_DIGITS.matcher(masked).replaceAll(r -> NationalIdentityNumber.mask(r.group()));
    }
}
