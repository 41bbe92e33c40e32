package no.kjernebro.adapterkit.conformance;

/** The syntax an adapter reads; it decides which {@link Hostility hostile inputs} the adapter must survive. */
public enum Dialect {
    XML,
    JSON
}
