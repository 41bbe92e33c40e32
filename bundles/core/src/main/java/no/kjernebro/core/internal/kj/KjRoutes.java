package no.kjernebro.core.internal.kj;

import org.apache.camel.builder.RouteBuilder;

/**
 * One route per remote operation, so each shows up with its own statistics and in-flight count.
 * Failures are not thrown: the caller reads the status code and decides (see {@link KjHttp}).
 */
final class KjRoutes extends RouteBuilder {

    static final String SYSTEM_TOKEN = "direct:kj-systemtoken";
    static final String HELSEINDIKATOR = "direct:kj-helseindikator";
    static final String EVERYTHING = "direct:kj-everything";
    static final String LEGEMIDLER = "direct:kj-legemidler";
    static final String LEGEMIDDELVARSLING = "direct:kj-legemiddelvarsling";

    private final KjernejournalSettings settings;

    KjRoutes(KjernejournalSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        // KjHttp turns every failure into an error code and logs it once; Camel's handler would log
        // a full stack trace per timeout on top of that.
        errorHandler(noErrorHandler());
        from(SYSTEM_TOKEN).routeId("kj-systemtoken").to(http(settings.tokenUrl(), "POST"));
        from(HELSEINDIKATOR).routeId("kj-helseindikator").to(http(settings.baseUrl() + "/v1/helseindikator", "POST"));
        from(EVERYTHING).routeId("kj-everything").to(http(settings.baseUrl() + "/v1/fhir/Patient/$everything", "GET"));
        from(LEGEMIDLER).routeId("kj-legemidler").to(http(settings.baseUrl() + "/v1/legemidler", "GET"));
        from(LEGEMIDDELVARSLING).routeId("kj-legemiddelvarsling")
                .to(http(settings.baseUrl() + settings.legemiddelvarslingPath(), "POST"));
    }

    private static String http(String url, String method) {
        return url + (url.contains("?") ? "&" : "?") + "httpMethod=" + method + "&throwExceptionOnFailure=false";
    }
}
