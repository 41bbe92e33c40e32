package no.kjernebro.core.internal.helseid;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The HelseID keys of PID {@code no.kjernebro.kjernejournal}. The kjernejournal client reads the same
 * PID (and describes it in the metatype); this type is only the HelseID components' typed view of it.
 */
@ObjectClassDefinition(name = "Kjernebro HelseID", description = "HelseID token client and user token verification")
@interface HelseIdConfiguration {

    @AttributeDefinition(description = "HelseID token endpoint (also the client assertion's aud)")
    String helseid_tokenUrl() default HelseIdSettings.DEFAULT_TOKEN_URL;

    @AttributeDefinition(description = "Scope asked for in the system token request")
    String scope() default HelseIdSettings.DEFAULT_SCOPE;

    @AttributeDefinition(description = "Renew a cached system token this many seconds before it expires")
    int tokenRefreshMarginSeconds() default 60;

    @AttributeDefinition(description = "TCP connect timeout per call, ms")
    int connectTimeoutMs() default 2000;

    @AttributeDefinition(description = "Time to wait for a response per call, ms")
    int responseTimeoutMs() default 5000;

    @AttributeDefinition(name = "helseid.connectTimeoutMs", description = "Connect timeout for HelseID only, ms; -1: connectTimeoutMs")
    int helseid_connectTimeoutMs() default -1;

    @AttributeDefinition(name = "helseid.responseTimeoutMs", description = "Response timeout for HelseID only, ms; -1: responseTimeoutMs")
    int helseid_responseTimeoutMs() default -1;

    @AttributeDefinition(name = "helseid.dpop", description = "Ask for DPoP-bound system tokens (a tenant may override); "
            + "a token endpoint answering token_type Bearer is used as Bearer")
    boolean helseid_dpop() default true;

    @AttributeDefinition(name = "helseid.dpopAlgorithm", description = "Algorithm of generated DPoP keys: RS256 or ES256")
    String helseid_dpopAlgorithm() default SigningKey.RS256;

    @AttributeDefinition(name = "helseid.multiTenant.clientId", description = "Client id of Kjernebro's multi-tenant "
            + "HelseID client (tenants with helseid.mode=multi); empty: none")
    String helseid_multiTenant_clientId() default "";

    @AttributeDefinition(name = "helseid.multiTenant.keyFile", description = "Its private key: private JWK or PKCS#8 PEM")
    String helseid_multiTenant_keyFile() default "";

    @AttributeDefinition(name = "helseid.multiTenant.keyId", description = "kid of that key; empty: the JWK's kid or the thumbprint")
    String helseid_multiTenant_keyId() default "";

    @AttributeDefinition(name = "helseid.multiTenant.dpopKeyFile", description = "DPoP key of the multi-tenant client; empty: generated")
    String helseid_multiTenant_dpopKeyFile() default "";

    @AttributeDefinition(name = "helseid.issuer", description = "Issuer of user tokens (iss must equal it); its discovery "
            + "document names the JWKS when helseid.jwksUrl is empty")
    String helseid_issuer() default UserTokenRules.DEFAULT_ISSUER;

    @AttributeDefinition(name = "helseid.jwksUrl", description = "JWKS of the issuer; empty: from issuer + /.well-known/openid-configuration")
    String helseid_jwksUrl() default "";

    @AttributeDefinition(name = "helseid.userToken.audience", description = "Audience user tokens must name")
    String helseid_userToken_audience() default UserTokenRules.DEFAULT_AUDIENCE;

    @AttributeDefinition(name = "helseid.userToken.securityLevel", description = "Security level user tokens must carry")
    String helseid_userToken_securityLevel() default "4";

    @AttributeDefinition(name = "helseid.userToken.clockSkewSeconds", description = "Tolerance for exp and nbf, seconds")
    int helseid_userToken_clockSkewSeconds() default 30;

    @AttributeDefinition(name = "helseid.jwks.minRefreshSeconds", description = "An unknown kid refetches the JWKS at most this often")
    int helseid_jwks_minRefreshSeconds() default 60;

    @AttributeDefinition(name = "helseid.jwks.maxAgeSeconds", description = "The JWKS is refetched when older than this")
    int helseid_jwks_maxAgeSeconds() default 3600;
}
