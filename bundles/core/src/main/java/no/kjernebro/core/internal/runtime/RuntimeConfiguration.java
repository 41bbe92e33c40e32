package no.kjernebro.core.internal.runtime;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Kjernebro Camel runtime",
        description = "The shared CamelContext that hosts the adapters' routes")
@interface RuntimeConfiguration {

    @AttributeDefinition(description = "Host adapters' inbound HTTP binds to ({{kjernebro.http.host}})")
    String http_host() default "0.0.0.0";

    @AttributeDefinition(description = "Port adapters' inbound HTTP listens on ({{kjernebro.http.port}})")
    int http_port() default 8182;

    @AttributeDefinition(description = "How long an adapter's routes may take to finish in-flight exchanges when it goes away")
    int routeStopTimeoutSeconds() default 30;
}
