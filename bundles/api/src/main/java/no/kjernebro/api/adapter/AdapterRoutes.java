package no.kjernebro.api.adapter;

/**
 * The route-supplier contract (whiteboard). An adapter bundle registers its Camel
 * {@code org.apache.camel.RoutesBuilder} as an OSGi service with the properties below; the runtime in
 * core adds those routes to the shared CamelContext when the service appears and removes exactly
 * them, gracefully, when it goes away (bundle stopped, updated or uninstalled).
 *
 * <p>The contract is expressed as service properties so that this API stays free of Camel types:
 * adapters depend on Camel through the camel-runtime bundle, core binds any {@code RoutesBuilder}
 * carrying {@link #ADAPTER_ID}.
 */
public final class AdapterRoutes {

    /** Service property: the adapter's stable id, e.g. {@code sykehjem-xml}. Required. */
    public static final String ADAPTER_ID = "kjernebro.adapter.id";

    /** Service property: a display name for operators. */
    public static final String ADAPTER_NAME = "kjernebro.adapter.name";

    /** Service property: the service contexts the adapter serves (String[] of ServiceContext names). */
    public static final String SERVICE_CONTEXTS = "kjernebro.adapter.serviceContexts";

    /** OSGi filter that selects adapter route services. */
    public static final String FILTER = "(" + ADAPTER_ID + "=*)";

    private AdapterRoutes() {
    }
}
