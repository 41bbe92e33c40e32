package no.kjernebro.auditreview.internal.http;

import java.time.Clock;
import java.util.function.Supplier;
import no.kjernebro.api.audit.AuditEventFormat;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.auditreview.internal.access.Authenticator;
import no.kjernebro.auditreview.internal.access.AuditorAccess;
import no.kjernebro.auditreview.internal.access.LoginThrottle;
import no.kjernebro.auditreview.internal.report.AccessReports;
import no.kjernebro.auditreview.internal.rules.Findings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One running auditor API: its own CamelContext with a single camel-jetty consumer under
 * {@code /kjernebro/audit/v1}. Independent of OSGi so tests run it in a plain JVM.
 */
public final class AuditorApi implements AutoCloseable {

    private static final String HEADER_FILTER = "auditorHeaderFilter";

    private final ApiSettings settings;
    private final AuditorEndpoint endpoint;
    private CamelContext context;

    public AuditorApi(ApiSettings settings, Authenticator authenticator, AuditTrail trail, AuditEventFormat format,
                      AuditLog log, AccessReports reports, Supplier<Findings> findings, Clock clock) {
        this.settings = settings;
        ApiContext ctx = new ApiContext(trail, format, new AuditorAccess(log, clock), reports, findings,
                settings.pageSizes(), ApiSettings.BASE_PATH);
        LoginThrottle throttle = new LoginThrottle(settings.loginBackoff(), settings.maxLoginBackoff(), clock);
        this.endpoint = new AuditorEndpoint(ctx, new BasicAuthentication(authenticator, throttle, settings.role()));
    }

    public synchronized void start() throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("kjernebro-audit-review");
        // inside OSGi, camel-jetty is found through the Camel runtime bundle's loader
        camel.setApplicationContextClassLoader(CamelContext.class.getClassLoader());
        // bodies are read once, by us, within the size limit: caching would read them whole first
        camel.setStreamCaching(false);
        camel.getRegistry().bind(HEADER_FILTER, new ResponseHeaderFilter());
        CamelBridge bridge = new CamelBridge(endpoint, ApiSettings.BASE_PATH, settings.maxBodyBytes());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jetty:http://" + settings.host() + ":" + settings.port() + ApiSettings.BASE_PATH
                        + "?matchOnUriPrefix=true&disableStreamCache=true&mapHttpMessageFormUrlEncodedBody=false"
                        + "&sendServerVersion=false&headerFilterStrategy=#" + HEADER_FILTER)
                        .routeId("audit-review-api")
                        .process(bridge);
            }
        });
        // Jetty resolves some classes through the thread's context loader while it starts
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CamelContext.class.getClassLoader());
        try {
            camel.start();
        } catch (Exception e) {
            camel.close();
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
        context = camel;
    }

    /** Stops the route and Jetty so the port is free again. */
    @Override
    public synchronized void close() throws Exception {
        if (context != null) {
            try {
                context.close();
            } finally {
                context = null;
            }
        }
    }
}
