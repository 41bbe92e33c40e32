package no.kjernebro.audit.internal;

import java.lang.annotation.Annotation;

/** The component's configuration as tests set it; forwarding off unless a URL is given. */
@SuppressWarnings("all")
final class TestAuditConfiguration implements AuditConfiguration {

    private final String url;

    TestAuditConfiguration(String url) {
        this.url = url;
    }

    static TestAuditConfiguration noForwarding() {
        return new TestAuditConfiguration(null);
    }

    @Override public Class<? extends Annotation> annotationType() { return AuditConfiguration.class; }
    @Override public String dataSource_target() { return "(dataSourceName=kjernebro-audit)"; }
    @Override public boolean forward_enabled() { return url != null; }
    @Override public String forward_url() { return url == null ? "http://localhost:1/unused" : url; }
    @Override public long forward_intervalMs() { return 20; }
    @Override public int forward_batchSize() { return 100; }
    @Override public long forward_timeoutMs() { return 2000; }
    @Override public String forward_bearerToken() { return "test-token"; }
    @Override public String server_name() { return "kjernebro-test"; }
}
