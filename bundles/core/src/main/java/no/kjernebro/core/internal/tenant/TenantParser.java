package no.kjernebro.core.internal.tenant;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.kjernebro.api.identity.OrganisationNumber;
import no.kjernebro.core.internal.policy.AccessPolicy;
import no.kjernebro.core.internal.policy.PolicyOverrides;

/** Validates a tenant configuration; every problem found is named in one exception message. */
public final class TenantParser {

    private TenantParser() {
    }

    public static Tenant parse(TenantSettings s) throws InvalidTenantException {
        List<String> problems = new ArrayList<>();
        String kommunenummer = trim(s.kommunenummer());
        if (kommunenummer == null || !kommunenummer.matches("\\d{4}")) {
            problems.add("kommunenummer '" + kommunenummer + "' is not four digits");
        }
        String orgnr = trim(s.orgnr());
        if (!OrganisationNumber.isValid(orgnr)) {
            problems.add("orgnr '" + orgnr + "' is not a valid organisation number");
        }
        String clientId = trim(s.helseIdClientId());
        if (clientId == null || clientId.isEmpty()) {
            problems.add("helseid.clientId is missing");
        }
        PrivateKey key = null;
        String keyFile = trim(s.helseIdKeyFile());
        if (keyFile == null || keyFile.isEmpty()) {
            problems.add("helseid.keyFile is missing");
        } else {
            try {
                key = PemKeys.readPrivateKey(Path.of(keyFile));
                if (!(key instanceof RSAKey rsa) || rsa.getModulus().bitLength() < 2048) {
                    problems.add("helseid.keyFile " + keyFile + " must be an RSA key of at least 2048 bits");
                }
            } catch (IllegalArgumentException e) {
                problems.add("helseid.keyFile: " + e.getMessage());
            }
        }
        List<byte[]> digests = new ArrayList<>();
        for (String hex : list(s.credentialSha256())) {
            byte[] digest = Credentials.parseDigest(hex);
            if (digest == null) {
                problems.add("credential.sha256 entry '" + abbreviate(hex) + "' is not 64 hex characters");
            } else {
                digests.add(digest);
            }
        }
        if (digests.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("credential"))) {
            problems.add("credential.sha256 is empty: no EPJ could authenticate");
        }
        AccessPolicy policy = AccessPolicy.defaults();
        try {
            policy = policy.with(PolicyOverrides.parse(s.policyOverride() == null ? null
                    : String.join(";", s.policyOverride())));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InvalidTenantException(String.join("; ", problems));
        }
        String name = trim(s.name());
        return new Tenant(kommunenummer, orgnr, name == null || name.isEmpty() ? kommunenummer : name, s.enabled(),
                list(s.adapters()), clientId, key, digests, policy);
    }

    /** Splits String[] values and comma lists alike, dropping blanks. */
    static Set<String> list(String[] values) {
        Set<String> out = new LinkedHashSet<>();
        if (values == null) {
            return out;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    // A digest is not secret, but a mistyped API key pasted in its place would be.
    private static String abbreviate(String s) {
        return s.length() <= 8 ? "****" : s.substring(0, 4) + "...";
    }
}
