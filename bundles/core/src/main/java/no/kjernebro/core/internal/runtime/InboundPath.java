package no.kjernebro.core.internal.runtime;

import java.util.Locale;
import org.apache.camel.Consumer;
import org.apache.camel.http.common.HttpConsumer;
import org.apache.camel.support.RestConsumerContextPathMatcher;

/** One HTTP path an adapter route listens on, matched the way camel-jetty matches it. */
record InboundPath(String path, boolean matchOnUriPrefix, String methodRestrict) {

    /** The consumer's path, or null when it is not an HTTP consumer. */
    static InboundPath of(Consumer consumer) {
        if (consumer instanceof HttpConsumer http) {
            return new InboundPath(http.getPath(), http.getEndpoint().isMatchOnUriPrefix(), http.getEndpoint().getHttpMethodRestrict());
        }
        return null;
    }

    boolean matches(String method, String requestPath) {
        boolean methodAllowed = methodRestrict == null || method == null
                || methodRestrict.toUpperCase(Locale.ROOT).contains(method.toUpperCase(Locale.ROOT));
        return methodAllowed && RestConsumerContextPathMatcher.matchPath(requestPath, path, matchOnUriPrefix);
    }
}
