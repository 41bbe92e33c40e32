package no.kjernebro.auditreview.internal.rules;

import java.util.List;

/** One review rule from the Norwegian guidance (Normen faktaark 15). */
interface ReviewRule {

    String id();

    /** True when the tenant's configuration gives the rule what it needs (e.g. a care list). */
    default boolean applies(ReviewDay day) {
        return true;
    }

    List<Candidate> evaluate(ReviewDay day);
}
