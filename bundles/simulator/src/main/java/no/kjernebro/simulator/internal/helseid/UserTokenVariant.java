package no.kjernebro.simulator.internal.helseid;

import java.util.Arrays;
import java.util.Optional;

/**
 * Deliberately bad user tokens from {@code /testtoken} ({@code "variant"}), so a client's user-token
 * checks can be tested one claim at a time.
 */
enum UserTokenVariant {
    /** exp an hour ago. */
    EXPIRED("expired"),
    /** nbf an hour ahead. */
    NOT_YET_VALID("not-yet-valid"),
    /** aud is another API. */
    WRONG_AUDIENCE("wrong-audience"),
    /** iss is not this HelseID. */
    WRONG_ISSUER("wrong-issuer"),
    /** security level 3 instead of 4. */
    SECURITY_LEVEL_3("security-level-3"),
    /** signed by a key that is not in the JWKS, under the genuine key's kid. */
    WRONG_KEY("wrong-key"),
    /** no HPR number claim, as for someone without HPR authorisation. */
    NO_HPR("no-hpr");

    static final String OTHER_AUDIENCE = "nhn:annet-api";
    static final String OTHER_ISSUER = "https://helseid-sts.test.nhn.invalid";

    private final String id;

    UserTokenVariant(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    static Optional<UserTokenVariant> of(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(UserTokenVariant::id).toList());
    }
}
