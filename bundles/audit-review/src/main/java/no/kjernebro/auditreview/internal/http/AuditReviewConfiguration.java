package no.kjernebro.auditreview.internal.http;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Kjernebro audit review",
        description = "The auditor REST API and the patient access report")
@interface AuditReviewConfiguration {

    @AttributeDefinition(name = "http.host", description = "Interface the auditor API listens on")
    String http_host() default "0.0.0.0";

    @AttributeDefinition(name = "http.port", description = "Port of the auditor API")
    int http_port() default 8183;

    @AttributeDefinition(description = "Largest page a search may ask for (at most 1000)")
    int maxPageSize() default 1000;

    @AttributeDefinition(description = "Page size when the search names none")
    int defaultPageSize() default 100;

    @AttributeDefinition(description = "JAAS realm auditors log in against")
    String realm() default "karaf";

    @AttributeDefinition(description = "JAAS role an auditor must have")
    String role() default "auditor";

    @AttributeDefinition(description = "Largest request body accepted, in bytes")
    int maxBodyBytes() default 16384;

    @AttributeDefinition(name = "login.backoffMs", description = "Back-off after a failed login; doubles per failure")
    long login_backoffMs() default 1000;

    @AttributeDefinition(name = "login.maxBackoffMs", description = "Longest back-off after failed logins")
    long login_maxBackoffMs() default 30000;

    @AttributeDefinition(name = "report.maxRows", description = "Most lookups one patient access report may list")
    int report_maxRows() default 5000;

    @AttributeDefinition(name = "report.maxDays", description = "Longest period of one patient access report, in days")
    int report_maxDays() default 3700;
}
