package no.kjernebro.adapter.forvaltningfil.internal;

import java.time.Clock;
import no.kjernebro.adapter.forvaltningfil.internal.json.ForvaltningFormat;
import no.kjernebro.adapter.forvaltningfil.internal.json.OppslagTranslator;
import no.kjernebro.api.adapter.AdapterRoutes;
import no.kjernebro.api.lookup.LookupService;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The forvaltning-fil adapter's routes, published to core's shared CamelContext as a whiteboard
 * {@link RoutesBuilder}: one file consumer over every municipality's inbox, and an hourly clean-up.
 *
 * <p>The routes are built from URIs and plain processors only, never from endpoint objects, so the
 * same builder can be added again to a new context if core restarts its own. A configuration change
 * re-creates the component (no {@code @Modified}): core then stops the old routes gracefully, the file
 * in progress completes, and the new routes start on the new folders.
 */
@Component(
        name = ForvaltningFilRoutes.PID,
        service = RoutesBuilder.class,
        property = {
            AdapterRoutes.ADAPTER_ID + "=" + ForvaltningFormat.ADAPTER_ID,
            AdapterRoutes.ADAPTER_NAME + "=Forvaltning fil (allocation-office case systems, JSON files)",
            AdapterRoutes.SERVICE_CONTEXTS + "=TILDELINGSKONTOR"
        })
@Designate(ocd = ForvaltningFilConfig.class)
public final class ForvaltningFilRoutes extends RouteBuilder {

    /** Configuration PID; dots only, since Karaf reads a '-' in a cfg file name as a factory PID. */
    static final String PID = "no.kjernebro.adapter.forvaltningfil";

    static final String INNBOKS_ROUTE = ForvaltningFormat.ADAPTER_ID + "-innboks";
    static final String OPPRYDDING_ROUTE = ForvaltningFormat.ADAPTER_ID + "-opprydding";

    private static final long READ_LOCK_CHECK_MS = 100;
    private static final long READ_LOCK_TIMEOUT_MS = 10_000;
    private static final long CLEAN_UP_PERIOD_MS = 3_600_000;

    private final Innstillinger innstillinger;
    private final Mottaksregister mottaksregister;
    private final InnboksProcessor innboks;
    private final Opprydding opprydding;

    @Activate
    public ForvaltningFilRoutes(@Reference LookupService lookupService, ForvaltningFilConfig config) {
        this(lookupService, Innstillinger.fra(config), Clock.systemUTC());
    }

    ForvaltningFilRoutes(LookupService lookupService, Innstillinger innstillinger, Clock clock) {
        this.innstillinger = innstillinger;
        Mappeoppsett mapper = new Mappeoppsett(innstillinger.rot());
        this.mottaksregister = new Mottaksregister(mapper.mottaksregister());
        FilBehandler behandler = new FilBehandler(lookupService, new OppslagTranslator(innstillinger.maxBytes()),
                mottaksregister);
        this.innboks = new InnboksProcessor(mapper, behandler, innstillinger.maxBytes(), clock);
        this.opprydding = new Opprydding(mapper, innstillinger.keepDays(), clock);
    }

    /** Runs after core has removed the routes (the service is unregistered first), so no file is in progress. */
    @Deactivate
    void deactivate() {
        mottaksregister.close();
    }

    @Override
    public void configure() {
        // Camel's log of a failed exchange would print the body and message history: file paths only,
        // but a careless file name can carry an identity number.
        errorHandler(defaultErrorHandler().logExhaustedMessageBody(false).logExhaustedMessageHistory(false));

        from(innboksUri())
                .routeId(INNBOKS_ROUTE)
                .process(innboks);

        from("timer:" + OPPRYDDING_ROUTE + "?delay=" + CLEAN_UP_PERIOD_MS / 60 + "&period=" + CLEAN_UP_PERIOD_MS)
                .routeId(OPPRYDDING_ROUTE)
                .process(exchange -> opprydding.ryddOpp());
    }

    String innboksUri() {
        long minAge = innstillinger.readLockMinAgeMs();
        return "file:" + innstillinger.rot()
                // files lie at depth 3 (<root>/<kommune>/inn/<file>); only <kommune> and <kommune>/inn are
                // entered, so ut, feilet and behandlet are never listed
                + "?recursive=true&minDepth=3&maxDepth=3"
                + "&filterDirectory=RAW(${file:name} regex '^[0-9]{4}(/inn)?$')"
                // the case system writes <name>.tmp and renames it: only the finished .json is a request
                + "&include=RAW(.*\\.json)"
                // and a .json still being written is not read until it has been unchanged for minAge
                + "&readLock=changed&readLockMarkerFile=false&readLockMinLength=0"
                + "&readLockMinAge=" + minAge + "&readLockCheckInterval=" + READ_LOCK_CHECK_MS
                + "&readLockTimeout=" + (minAge + READ_LOCK_TIMEOUT_MS)
                + "&delay=" + innstillinger.pollDelayMs() + "&initialDelay=" + innstillinger.pollDelayMs()
                + "&autoCreate=true&startingDirectoryMustExist=false"
                + "&move=${header." + InnboksProcessor.ARKIV + "}"
                + "&moveFailed=${header." + InnboksProcessor.FEILET_ARKIV + "}";
    }
}
