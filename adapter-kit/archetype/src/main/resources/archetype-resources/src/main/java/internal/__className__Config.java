package ${package}.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Kjernebro ${adapterId} adapter", description = "${adapterName}")
@interface ${className}Config {

    @AttributeDefinition(
            name = "Largest request body (bytes)",
            description = "Requests declaring or sending more are refused with PAYLOAD_TOO_LARGE (HTTP 413)",
            min = "1024")
    int maxBytes() default 65536;
}
