package no.kjernebro.core.internal.kj;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Kjernebro kjernejournal client",
        description = "HelseID and kjernejournal endpoints, timeouts and token handling")
@interface KjernejournalConfiguration {

    @AttributeDefinition(description = "HelseID token endpoint (also the client assertion's aud)")
    String helseid_tokenUrl() default KjernejournalSettings.DEFAULT_TOKEN_URL;

    @AttributeDefinition(description = "Kjernejournal API base URL")
    String kj_baseUrl() default KjernejournalSettings.DEFAULT_BASE_URL;

    @AttributeDefinition(description = "TCP connect timeout per call, ms")
    int connectTimeoutMs() default 2000;

    @AttributeDefinition(description = "Time to wait for a response per call, ms")
    int responseTimeoutMs() default 5000;

    @AttributeDefinition(description = "Months of medication history to fetch")
    int legemiddelHistorikkMaaneder() default 36;

    @AttributeDefinition(description = "Renew a cached system token this many seconds before it expires")
    int tokenRefreshMarginSeconds() default 60;

    @AttributeDefinition(description = "Name of the header that names the calling EPJ system")
    String epjSystemHeader() default "X-EPJ-System";

    @AttributeDefinition(description = "Scope asked for in the system token request")
    String scope() default "nhn:kjernejournal/api";

    @AttributeDefinition(name = "legemiddelvarsling.path",
            description = "Path of Legemiddelvarsling under kj.baseUrl (the simulator's; verify against NHN)")
    String legemiddelvarsling_path() default KjernejournalSettings.DEFAULT_LEGEMIDDELVARSLING_PATH;

    @AttributeDefinition(name = "legemiddelvarsling.maxBatchSize",
            description = "Most patients per Legemiddelvarsling request (verify against NHN); larger batches are refused")
    int legemiddelvarsling_maxBatchSize() default KjernejournalSettings.DEFAULT_LEGEMIDDELVARSLING_MAX_BATCH_SIZE;
}
