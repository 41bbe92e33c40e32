package no.kjernebro.core.internal.tenant;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Kjernebro tenant",
        description = "One municipality: etc/no.kjernebro.tenant-<kommunenummer>.cfg")
@interface TenantConfiguration {

    @AttributeDefinition(description = "Four-digit kommunenummer, e.g. 5601")
    String kommunenummer();

    @AttributeDefinition(description = "The municipality's organisation number (9 digits, mod-11 valid)")
    String orgnr();

    @AttributeDefinition(description = "Display name, e.g. Alta kommune")
    String name() default "";

    @AttributeDefinition(description = "A disabled tenant is refused with TENANT_DISABLED")
    boolean enabled() default true;

    @AttributeDefinition(description = "Adapter ids the municipality may use (comma list)")
    String[] adapters() default {};

    @AttributeDefinition(name = "helseid.mode", description = "single: the municipality's own HelseID client "
            + "(helseid.clientId + helseid.keyFile); multi: Kjernebro's shared multi-tenant client "
            + "(helseid.multiTenant.* in no.kjernebro.kjernejournal) acting for this orgnr")
    String helseid_mode() default "single";

    @AttributeDefinition(description = "HelseID client id used for the system token (mode single)")
    String helseid_clientId();

    @AttributeDefinition(description = "Path of the HelseID client's private key (mode single): a private JWK "
            + "(JSON, RSA or EC P-256) or PKCS#8 PEM")
    String helseid_keyFile();

    @AttributeDefinition(name = "helseid.keyId", description = "kid of the client key; empty: the JWK's kid, "
            + "else its RFC 7638 thumbprint")
    String helseid_keyId() default "";

    @AttributeDefinition(name = "helseid.dpop", description = "true/false: ask for DPoP-bound tokens; empty: the "
            + "global helseid.dpop")
    String helseid_dpop() default "";

    @AttributeDefinition(name = "helseid.dpopKeyFile", description = "Private JWK or PKCS#8 PEM of the client's DPoP "
            + "key; empty: generated at start")
    String helseid_dpopKeyFile() default "";

    @AttributeDefinition(description = "Lowercase hex SHA-256 digests of the EPJ's API keys (comma list)")
    String[] credential_sha256() default {};

    @AttributeDefinition(description = "Access policy overrides: CTX/PROFESSION_OR_ROLE=SECTION,...|NONE;...")
    String[] policy_override() default {};
}
