package no.kjernebro.audit.internal;

import java.lang.annotation.Annotation;

/** The component's configuration as tests set it; forwarding off unless a URL is given. */
@SuppressWarnings("all")
final class TestAuditConfiguration implements AuditConfiguration {

    private final String url;
    private long commitTimeoutMs = 3000;
    private int maxGroupSize = 500;
    private int maxQueued = 10000;
    private String keyFile = "";
    private String keyId = "";
    private String[] trustedKeys = {};
    private int retentionDays = 3650;

    TestAuditConfiguration(String url) {
        this.url = url;
    }

    static TestAuditConfiguration noForwarding() {
        return new TestAuditConfiguration(null);
    }

    TestAuditConfiguration commitTimeoutMs(long value) {
        commitTimeoutMs = value;
        return this;
    }

    TestAuditConfiguration maxGroupSize(int value) {
        maxGroupSize = value;
        return this;
    }

    TestAuditConfiguration maxQueued(int value) {
        maxQueued = value;
        return this;
    }

    TestAuditConfiguration checkpointKey(String file, String id, String... trusted) {
        keyFile = file;
        keyId = id;
        trustedKeys = trusted;
        return this;
    }

    TestAuditConfiguration retentionDays(int value) {
        retentionDays = value;
        return this;
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
    @Override public long store_commitTimeoutMs() { return commitTimeoutMs; }
    @Override public int store_maxGroupSize() { return maxGroupSize; }
    @Override public int store_maxQueued() { return maxQueued; }
    @Override public boolean store_h2SyncEachCommit() { return false; }
    @Override public String checkpoint_keyFile() { return keyFile; }
    @Override public String checkpoint_keyId() { return keyId; }
    @Override public long checkpoint_intervalSeconds() { return 3600; }
    @Override public String[] checkpoint_trustedKeys() { return trustedKeys; }
    @Override public int retention_days() { return retentionDays; }
}
