package no.kjernebro.api.sweep;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How an adapter wants the "sweep finished" notification written for its EPJ systems. Adapters register
 * one as an OSGi service with the service property {@code kjernebro.adapter.id}; the sweep service
 * picks the one of the adapter a sweep was started through and POSTs its output to the callback URL.
 * The notification must not contain identity numbers: the EPJ fetches the findings with its credential.
 */
@ConsumerType
public interface SweepCallbackFormat {

    /** The Content-Type of {@link #render(SweepStatus)}'s output. */
    String contentType();

    /** The request body announcing the sweep's end (FINISHED or INTERRUPTED). */
    byte[] render(SweepStatus status);
}
