package no.kjernebro.medicationsweep.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One municipality's sweep schedule: factory PID {@code no.kjernebro.sweep}, e.g. {@code etc/no.kjernebro.sweep-5601.cfg}. */
@ObjectClassDefinition(name = "Kjernebro medication sweep schedule",
        description = "When a municipality's patient list is swept for medication changes")
@interface SweepScheduleConfiguration {

    @AttributeDefinition(description = "The municipality whose patient list is swept (4 digits)")
    String kommunenummer();

    @AttributeDefinition(description = "An interval (6h, 90m, 1d, PT6H) or a daily local time (02:30)")
    String schedule() default "daily 02:00";

    @AttributeDefinition(description = "Time zone of a daily time")
    String timeZone() default "Europe/Oslo";

    @AttributeDefinition(description = "The adapter the sweep is made through (must be enabled for the municipality)")
    String adapterId() default "hjemmetjeneste-json";

    @AttributeDefinition(description = "Where to POST the notification when a scheduled sweep ends; empty for none",
            required = false)
    String callbackUrl() default "";

    @AttributeDefinition(description = "false pauses the schedule (on-demand sweeps still run)")
    boolean enabled() default true;
}
