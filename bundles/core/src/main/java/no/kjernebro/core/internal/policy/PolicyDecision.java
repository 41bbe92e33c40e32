package no.kjernebro.core.internal.policy;

import java.util.Set;
import no.kjernebro.api.lookup.ErrorCode;

/** What the access policy decided for one request. */
public sealed interface PolicyDecision permits PolicyDecision.Granted, PolicyDecision.Refused {

    /**
     * Access is granted to exactly these sections.
     *
     * @param markedForReview emergency access (HPAKUTT): the audit record is flagged for review
     */
    record Granted(Set<no.kjernebro.api.lookup.Section> sections, boolean markedForReview) implements PolicyDecision {
        public Granted {
            sections = Set.copyOf(sections);
        }
    }

    /** Access is refused; {@code reason} names what was refused and where. */
    record Refused(ErrorCode error, String reason) implements PolicyDecision {
    }
}
