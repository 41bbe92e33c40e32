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

    @AttributeDefinition(description = "HelseID client id used for the system token")
    String helseid_clientId();

    @AttributeDefinition(description = "Path of the HelseID client's RSA private key, PKCS#8 PEM")
    String helseid_keyFile();

    @AttributeDefinition(description = "Lowercase hex SHA-256 digests of the EPJ's API keys (comma list)")
    String[] credential_sha256() default {};

    @AttributeDefinition(description = "Access policy overrides: CTX/PROFESSION_OR_ROLE=SECTION,...|NONE;...")
    String[] policy_override() default {};
}
