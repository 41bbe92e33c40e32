package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import java.util.regex.Pattern;
import no.kjernebro.api.identity.NationalIdentityNumber;

/** Masks every run of exactly 11 digits in text bound for an error body or a log line. */
public final class IdentityMasking {

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

    private IdentityMasking() {
    }

    public static String mask(String text) {
        return text == null ? null : ELEVEN_DIGITS.matcher(text).replaceAll(m -> NationalIdentityNumber.mask(m.group()));
    }
}
