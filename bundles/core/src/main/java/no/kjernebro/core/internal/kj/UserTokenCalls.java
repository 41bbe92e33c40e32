package no.kjernebro.core.internal.kj;

import java.util.LinkedHashMap;
import java.util.Map;
import no.kjernebro.api.lookup.ErrorCode;

/**
 * What the two calls made with the user's token (critical information, Legemiddel) share: the common
 * headers, and the meaning of the statuses NHN gives them. The user's token comes from the EPJ as a
 * Bearer token; it is never DPoP-bound to a key Kjernebro holds.
 */
final class UserTokenCalls {

    private UserTokenCalls() {
    }

    static Map<String, String> headers(KjernejournalSettings settings, KjernejournalRequest request, String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + request.userToken());
        headers.put(settings.epjSystemHeader(), request.epjSystem());
        headers.put("Accept", accept);
        if (request.correlationId() != null) {
            headers.put("X-Correlation-ID", request.correlationId());
        }
        return headers;
    }

    /**
     * @throws TicketUnknown on 404, so the caller can ask Helseindikator for a fresh ticket once
     */
    static KjernejournalException refused(HttpAnswer answer, String what, boolean forbiddenMeansBlocked)
            throws TicketUnknown {
        return switch (answer.status()) {
            case 401 -> new KjernejournalException(ErrorCode.USER_TOKEN_INVALID, what
                    + ": kjernejournal refused the user's token (" + Answers.describe(answer) + ")");
            case 403 -> forbiddenMeansBlocked
                    ? new KjernejournalException(ErrorCode.PATIENT_BLOCKED_PERSONNEL, what
                            + ": the patient has blocked this health worker")
                    : Answers.refused(answer, what);
            case 404 -> throw new TicketUnknown(what + ": kjernejournal does not know the ticket ("
                    + Answers.describe(answer) + ")");
            default -> Answers.refused(answer, what);
        };
    }
}
