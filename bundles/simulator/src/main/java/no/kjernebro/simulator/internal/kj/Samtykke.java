package no.kjernebro.simulator.internal.kj;

import java.util.Set;
import no.kjernebro.simulator.internal.http.HttpProblem;

/** The access basis codes kjernejournal knows. */
final class Samtykke {

    static final Set<String> CODES = Set.of("HPMOTTATTSAMTYKKE", "HPAKUTT", "HPUNNTAK");

    private Samtykke() {
    }

    /** The code, or null when absent; an unknown code is a bad request. */
    static String check(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (!CODES.contains(code)) {
            throw HttpProblem.oauth(400, "invalid_request", "samtykke must be one of " + CODES);
        }
        return code;
    }
}
