package no.kjernebro.adapter.hjemmetjenestejson.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Kjernebro hjemmetjeneste-json adapter",
        description = "JSON over HTTP for home-care EPJ systems: lookups and the medication-change sweep")
@interface HjemmetjenesteJsonConfig {

    @AttributeDefinition(name = "Largest lookup body (bytes)",
            description = "Lookups declaring or sending more are refused with PAYLOAD_TOO_LARGE (HTTP 413)", min = "1024")
    int maxLookupBytes() default 65536;

    @AttributeDefinition(name = "Largest patient list (bytes)",
            description = "Patient lists declaring or sending more are refused with PAYLOAD_TOO_LARGE (HTTP 413);"
                    + " 350,000 patients are about 11 MB", min = "1024")
    long maxPatientListBytes() default 20L * 1024 * 1024;
}
