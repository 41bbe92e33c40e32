package no.kjernebro.auditreview.internal.report;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Makes text printable with a standard 14 font (WinAnsi encoding): Norwegian letters pass as they
 * are; letters outside it (e.g. Sámi č, ŋ, đ) fall back to their base letter, anything else to '?',
 * so a name never makes the whole PDF fail.
 */
final class WinAnsiText {

    private final PDFont font;
    private final Map<Integer, String> replacements = new ConcurrentHashMap<>();

    WinAnsiText(PDFont font) {
        this.font = font;
    }

    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(replacements.computeIfAbsent(cp, this::replacement)));
        return out.toString();
    }

    private String replacement(int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
            return " ";
        }
        String original = new String(Character.toChars(codePoint));
        if (encodable(original)) {
            return original;
        }
        StringBuilder base = new StringBuilder();
        for (char c : Normalizer.normalize(original, Normalizer.Form.NFD).toCharArray()) {
            String s = String.valueOf(c);
            if (Character.getType(c) != Character.NON_SPACING_MARK && encodable(s)) {
                base.append(c);
            }
        }
        return base.isEmpty() ? "?" : base.toString();
    }

    private boolean encodable(String s) {
        try {
            font.encode(s);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
