package no.kjernebro.core.internal.kj;

import java.time.Duration;

/** Sends one request and reads at most {@code maxBytes} of the answer. An interface for tests. */
interface HttpTransport extends AutoCloseable {

    /**
     * @param timeout the whole exchange, answer body included
     * @throws TransportFailure when there is no usable answer
     */
    HttpAnswer send(HttpCall call, Duration timeout, long maxBytes) throws TransportFailure;

    @Override
    void close();
}
