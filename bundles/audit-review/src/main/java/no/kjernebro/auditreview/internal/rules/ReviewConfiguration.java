package no.kjernebro.auditreview.internal.rules;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One tenant's review rules: {@code etc/no.kjernebro.review-<kommunenummer>.cfg}. */
@ObjectClassDefinition(name = "Kjernebro review rules (per municipality)",
        description = "Which review rules run over a municipality's audit records, and their thresholds")
@interface ReviewConfiguration {

    @AttributeDefinition(description = "The municipality (four digits)")
    String kommunenummer();

    @AttributeDefinition(description = "Enabled rule ids, comma separated; empty means all: HPAKUTT, REFUSED_ATTEMPTS, "
            + "HIGH_VOLUME, OUTSIDE_WORKING_HOURS, OUTSIDE_CARE_RELATIONSHIP, SAME_SURNAME")
    String rules() default "";

    @AttributeDefinition(description = "Time zone for days and working hours")
    String timeZone() default "Europe/Oslo";

    @AttributeDefinition(description = "e.g. 'Mon-Fri 07:00-16:00, Sat-Sun 08:00-15:00'; empty turns OUTSIDE_WORKING_HOURS off "
            + "(care services work around the clock)")
    String workingHours() default "";

    @AttributeDefinition(description = "HIGH_VOLUME: more distinct patients than this per health worker per day")
    int volume_maxPerActorPerDay() default 40;

    @AttributeDefinition(description = "REFUSED_ATTEMPTS: this many refused lookups per health worker per day")
    int refused_minAttempts() default 3;

    @AttributeDefinition(description = "REFUSED_ATTEMPTS: reason codes where a single refusal is a finding")
    String refused_immediateCodes() default "USER_TOKEN_MISMATCH,PATIENT_BLOCKED_PERSONNEL";

    @AttributeDefinition(description = "OUTSIDE_CARE_RELATIONSHIP: file with the patients in care, one identity number "
            + "per line; empty turns the rule off. Relative paths are resolved against KARAF_BASE")
    String careRelationships_file() default "";

    @AttributeDefinition(description = "Minutes between scheduled evaluations of new records")
    int evaluate_intervalMinutes() default 60;
}
