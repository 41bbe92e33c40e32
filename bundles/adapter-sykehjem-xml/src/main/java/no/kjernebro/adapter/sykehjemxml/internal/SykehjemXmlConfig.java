package no.kjernebro.adapter.sykehjemxml.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Kjernebro sykehjem-xml adapter",
        description = "XML over HTTP for nursing-home EPJ systems")
@interface SykehjemXmlConfig {

    @AttributeDefinition(
            name = "Largest request body (bytes)",
            description = "Requests declaring or sending more are refused with PAYLOAD_TOO_LARGE (HTTP 413)",
            min = "1024")
    int maxBytes() default 65536;
}
