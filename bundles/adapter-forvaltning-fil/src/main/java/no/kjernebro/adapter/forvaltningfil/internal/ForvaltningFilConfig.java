package no.kjernebro.adapter.forvaltningfil.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Kjernebro forvaltning-fil adapter",
        description = "File exchange with allocation-office case-management systems: request files in"
                + " <root>/<kommunenummer>/inn, results in ut, rejected input in feilet, processed input in behandlet")
@interface ForvaltningFilConfig {

    @AttributeDefinition(
            name = "Root folder",
            description = "Holds one folder per municipality; ${karaf.data} is replaced by Karaf's data folder")
    String root() default "${karaf.data}/kjernebro/forvaltning";

    @AttributeDefinition(name = "Poll delay (ms)", description = "Pause between two scans of the inboxes", min = "50")
    long pollDelayMs() default 500;

    @AttributeDefinition(
            name = "Largest request file (bytes)",
            description = "Larger files are refused with PAYLOAD_TOO_LARGE and moved to feilet",
            min = "1024")
    int maxBytes() default 32768;

    @AttributeDefinition(
            name = "Days to keep processed input",
            description = "Files in behandlet older than this are deleted (checked hourly); 0 keeps them forever",
            min = "0")
    int keepDays() default 30;

    @AttributeDefinition(
            name = "Quiet period before reading (ms)",
            description = "A request file is read only when it has not changed for this long: a guard against"
                    + " case systems that write the .json in place instead of renaming a finished .tmp",
            min = "0")
    long readLockMinAgeMs() default 1000;
}
