package no.kjernebro.auditreview.internal.rules;

import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Surnames as the same-surname rule compares them. The surname is the last word of the name (or what
 * comes before a comma in "Nordmann, Kari"); a hyphenated one counts with each part, so Kari
 * Nordmann-Hansen shares a surname with Per Hansen. Case and diacritics are folded (Ås, As; Bjørk,
 * Bjork), erring towards a finding: a false alarm costs an auditor a glance, a miss costs the patient.
 * A one-word name has no known surname.
 */
final class Surnames {

    private Surnames() {
    }

    /** The folded surname parts, empty when the surname is unknown. */
    static Set<String> of(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return Set.of();
        }
        String surname;
        int comma = fullName.indexOf(',');
        if (comma > 0) {
            surname = fullName.substring(0, comma).trim();
        } else {
            String[] words = fullName.trim().split("\\s+");
            if (words.length < 2) {
                return Set.of();
            }
            surname = words[words.length - 1];
        }
        Set<String> parts = new LinkedHashSet<>();
        for (String part : fold(surname).split("-")) {
            if (part.length() >= 2) {
                parts.add(part);
            }
        }
        return Collections.unmodifiableSet(parts);
    }

    /** True when both surnames are known and share a part. */
    static boolean same(String name, String otherName) {
        Set<String> a = of(name);
        Set<String> b = of(otherName);
        return !a.isEmpty() && !b.isEmpty() && !Collections.disjoint(a, b);
    }

    /** The folded form, also shown to the auditor in the finding. */
    static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT)
                .replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("ð", "d").replace("þ", "th");
        String stripped = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.replaceAll("[^\\p{L}-]", "");
    }
}
