package no.kjernebro.auditreview.internal.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kjernebro.api.identity.NationalIdentityNumber;

/** Small helpers for putting caller-supplied text into problem details and audit details safely. */
final class Words {

    private static final int CLIP = 40;
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

    private Words() {
    }

    /**
     * At most 40 characters, control characters replaced and anything that looks like an identity
     * number masked: enough to recognise the value, too little to abuse it.
     */
    static String clip(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < CLIP; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        String clipped = maskIdentityNumbers(out.toString());
        return value.length() > CLIP ? clipped + "…" : clipped;
    }

    /** Masks every run of exactly eleven digits, wherever it was typed. */
    static String maskIdentityNumbers(String text) {
        Matcher m = ELEVEN_DIGITS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(NationalIdentityNumber.mask(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
