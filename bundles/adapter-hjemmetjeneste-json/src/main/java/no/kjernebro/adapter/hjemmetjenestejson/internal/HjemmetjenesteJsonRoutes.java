package no.kjernebro.adapter.hjemmetjenestejson.internal;

import no.kjernebro.adapter.hjemmetjenestejson.internal.json.HjemmetjenesteFormat;
import no.kjernebro.api.adapter.AdapterRoutes;
import no.kjernebro.api.lookup.LookupService;
import no.kjernebro.api.sweep.MedicationSweeps;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The hjemmetjeneste-json adapter's routes, published to core's shared CamelContext as a whiteboard
 * {@link RoutesBuilder}: single lookups from a nurse's handheld, and the medication-sweep resources. The
 * sweep service is optional: without it lookups still work and the sweep resources answer 503.
 */
@Component(
        name = HjemmetjenesteJsonRoutes.PID,
        service = RoutesBuilder.class,
        property = {
            AdapterRoutes.ADAPTER_ID + "=" + HjemmetjenesteFormat.ADAPTER_ID,
            AdapterRoutes.ADAPTER_NAME + "=Hjemmetjeneste JSON (home-care EPJ, JSON over HTTP, medication sweep)",
            AdapterRoutes.SERVICE_CONTEXTS + "=HJEMMETJENESTE"
        })
@Designate(ocd = HjemmetjenesteJsonConfig.class)
public final class HjemmetjenesteJsonRoutes extends RouteBuilder {

    /** Dots only: Karaf reads a '-' in a cfg file name as a factory PID. */
    static final String PID = "no.kjernebro.adapter.hjemmetjenestejson";

    static final String OPPSLAG_ROUTE = HjemmetjenesteFormat.ADAPTER_ID + "-oppslag";
    static final String KOMMUNER_ROUTE = HjemmetjenesteFormat.ADAPTER_ID + "-kommuner";

    // The body must reach the handlers as an unread stream so the size bounds hold and a patient list
    // is never buffered: no stream cache, no form parsing; muteException: never a stack trace.
    private static final String OPTIONS = "disableStreamCache=true&mapHttpMessageFormUrlEncodedBody=false"
            + "&muteException=true";
    static final String OPPSLAG_FROM = "jetty:http://{{kjernebro.http.host}}:{{kjernebro.http.port}}"
            + HjemmetjenesteFormat.BASE_PATH + "/oppslag?httpMethodRestrict=POST&" + OPTIONS;
    static final String KOMMUNER_FROM = "jetty:http://{{kjernebro.http.host}}:{{kjernebro.http.port}}"
            + HjemmetjenesteFormat.BASE_PATH + "/kommuner?matchOnUriPrefix=true&httpMethodRestrict=GET,PUT,POST&"
            + OPTIONS;

    static final int MIN_BYTES = 1024;

    private final OppslagHandler oppslag;
    private final SweepHandler sweep;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MedicationSweeps sweeps;

    @Activate
    public HjemmetjenesteJsonRoutes(@Reference(name = "lookupService") LookupService lookupService,
                                    HjemmetjenesteJsonConfig config) {
        this(lookupService, null, Math.max(MIN_BYTES, config.maxLookupBytes()),
                Math.max(MIN_BYTES, config.maxPatientListBytes()));
    }

    HjemmetjenesteJsonRoutes(LookupService lookupService, MedicationSweeps sweeps, int maxLookupBytes,
                             long maxListBytes) {
        this.sweeps = sweeps;
        this.oppslag = new OppslagHandler(lookupService, maxLookupBytes);
        this.sweep = new SweepHandler(() -> this.sweeps, maxListBytes);
    }

    @Modified
    void modified(HjemmetjenesteJsonConfig config) {
        oppslag.maxBytes(Math.max(MIN_BYTES, config.maxLookupBytes()));
        sweep.maxListBytes(Math.max(MIN_BYTES, config.maxPatientListBytes()));
    }

    @Override
    public void configure() {
        from(OPPSLAG_FROM).routeId(OPPSLAG_ROUTE).streamCache("false").process(new HttpProcessor(oppslag::handle));
        from(KOMMUNER_FROM).routeId(KOMMUNER_ROUTE).streamCache("false").process(new HttpProcessor(sweep::handle));
    }
}
