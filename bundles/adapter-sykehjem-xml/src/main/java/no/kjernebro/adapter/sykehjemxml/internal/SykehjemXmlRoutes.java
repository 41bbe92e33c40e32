package no.kjernebro.adapter.sykehjemxml.internal;

import no.kjernebro.adapter.sykehjemxml.internal.xml.OppslagFormat;
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
 * The sykehjem-xml adapter's one route, published to core's shared CamelContext as a whiteboard
 * {@link RoutesBuilder}. Core owns the Jetty server and resolves the host/port placeholders.
 */
@Component(
        name = SykehjemXmlRoutes.PID,
        service = RoutesBuilder.class,
        property = {
            AdapterRoutes.ADAPTER_ID + "=" + OppslagFormat.ADAPTER_ID,
            AdapterRoutes.ADAPTER_NAME + "=Sykehjem XML (nursing-home EPJ, XML over HTTP)",
            AdapterRoutes.SERVICE_CONTEXTS + "=SYKEHJEM_LANGTID",
            AdapterRoutes.SERVICE_CONTEXTS + "=SYKEHJEM_KORTTID",
            AdapterRoutes.SERVICE_CONTEXTS + "=KAD_OHD",
            AdapterRoutes.SERVICE_CONTEXTS + "=OMSORGSINSTITUSJON"
        })
@Designate(ocd = SykehjemXmlConfig.class)
public final class SykehjemXmlRoutes extends RouteBuilder {

    /** Configuration PID; dots only, since Karaf reads a '-' in a cfg file name as a factory PID. */
    static final String PID = "no.kjernebro.adapter.sykehjemxml";

    static final String ROUTE_ID = OppslagFormat.ADAPTER_ID + "-oppslag";

    // The body must reach the translator as an unread stream so the size bound holds: Camel would
    // otherwise cache the whole body (disableStreamCache, streamCache) or read it as a form
    // (mapHttpMessageFormUrlEncodedBody). muteException: never a stack trace to the caller.
    static final String FROM = "jetty:http://{{kjernebro.http.host}}:{{kjernebro.http.port}}/kjernebro/"
            + OppslagFormat.ADAPTER_ID + "/v1/oppslag?httpMethodRestrict=POST&disableStreamCache=true"
            + "&mapHttpMessageFormUrlEncodedBody=false&muteException=true";

    private final OppslagHandler handler;

    /** Smallest accepted limit: below it even a minimal oppslag would be refused. */
    static final int MIN_MAX_BYTES = 1024;

    @Activate
    public SykehjemXmlRoutes(@Reference LookupService lookupService, SykehjemXmlConfig config) {
        this(lookupService, limit(config));
    }

    SykehjemXmlRoutes(LookupService lookupService, int maxBytes) {
        this.handler = new OppslagHandler(lookupService, maxBytes);
    }

    @Modified
    void modified(SykehjemXmlConfig config) {
        handler.maxBytes(limit(config));
    }

    private static int limit(SykehjemXmlConfig config) {
        return Math.max(MIN_MAX_BYTES, config.maxBytes());
    }

    @Override
    public void configure() {
        from(FROM)
                .routeId(ROUTE_ID)
                .streamCache("false")
                .process(new OppslagProcessor(handler));
    }
}
