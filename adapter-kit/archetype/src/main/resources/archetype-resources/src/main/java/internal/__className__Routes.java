package ${package}.internal;

import ${package}.internal.json.OppslagFormat;
import no.kjernebro.api.adapter.AdapterRoutes;
import no.kjernebro.api.lookup.LookupService;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The ${adapterId} adapter's route, published to core's shared CamelContext as a whiteboard
 * {@link RoutesBuilder}: core adds it when this service appears and removes exactly it, gracefully,
 * when the bundle is stopped, updated or uninstalled. Core owns the Jetty server and resolves the
 * host/port placeholders.
 */
@Component(
        name = ${className}Routes.PID,
        service = RoutesBuilder.class,
        property = {
            AdapterRoutes.ADAPTER_ID + "=" + OppslagFormat.ADAPTER_ID,
            AdapterRoutes.ADAPTER_NAME + "=${adapterName}",
            AdapterRoutes.SERVICE_CONTEXTS + "=${serviceContext}"
        })
@Designate(ocd = ${className}Config.class)
public final class ${className}Routes extends RouteBuilder {

    /** Configuration PID; dots only, since Karaf reads a '-' in a cfg file name as a factory PID. */
    static final String PID = "${package}";

    /** Route ids start with the adapter id: core removes an adapter's routes by them. */
    static final String ROUTE_ID = OppslagFormat.ADAPTER_ID + "-oppslag";

    // The body must reach the translator as an unread stream so that the size bound holds: no stream
    // cache, no form parsing. muteException: never a stack trace to the caller.
    static final String FROM = "jetty:http://{{kjernebro.http.host}}:{{kjernebro.http.port}}" + OppslagFormat.PATH
            + "?httpMethodRestrict=POST&disableStreamCache=true&mapHttpMessageFormUrlEncodedBody=false"
            + "&muteException=true";

    /** Smallest accepted limit: below it even a minimal request would be refused. */
    static final int MIN_MAX_BYTES = 1024;

    private final OppslagHandler handler;

    @Activate
    public ${className}Routes(@Reference LookupService lookupService, ${className}Config config) {
        this(lookupService, Math.max(MIN_MAX_BYTES, config.maxBytes()));
    }

    ${className}Routes(LookupService lookupService, int maxBytes) {
        this.handler = new OppslagHandler(lookupService, maxBytes);
    }

    @Modified
    void modified(${className}Config config) {
        handler.maxBytes(Math.max(MIN_MAX_BYTES, config.maxBytes()));
    }

    @Override
    public void configure() {
        from(FROM)
                .routeId(ROUTE_ID)
                .streamCache("false")
                .process(new OppslagProcessor(handler));
    }
}
