package no.kjernebro.audit.internal.forward;

import java.lang.annotation.Annotation;

/** The forwarding keys as tests set them: quick polling, no jitter. */
@SuppressWarnings("all")
final class TestForwardConfiguration implements ForwardConfiguration {

    private final String url;
    private final boolean enabled;
    private final String tokenFile;
    private final String privateToken;

    TestForwardConfiguration(String url, boolean enabled) {
        this(url, enabled, "", "");
    }

    TestForwardConfiguration(String url, boolean enabled, String tokenFile, String privateToken) {
        this.url = url;
        this.enabled = enabled;
        this.tokenFile = tokenFile;
        this.privateToken = privateToken;
    }

    @Override public Class<? extends Annotation> annotationType() { return ForwardConfiguration.class; }
    @Override public boolean forward_enabled() { return enabled; }
    @Override public String forward_url() { return url; }
    @Override public long forward_intervalMs() { return 20; }
    @Override public int forward_batchSize() { return 100; }
    @Override public int forward_concurrency() { return 4; }
    @Override public long forward_timeoutMs() { return 2000; }
    @Override public String forward_bearerTokenFile() { return tokenFile; }
    @Override public String _forward_bearerToken() { return privateToken; }
    @Override public String forward_bearerToken() { return " "; }
    @Override public long forward_retry_initialMs() { return 50; }
    @Override public long forward_retry_maxMs() { return 200; }
    @Override public double forward_retry_jitter() { return 0; }
    @Override public String server_name() { return "kjernebro-test"; }
}
