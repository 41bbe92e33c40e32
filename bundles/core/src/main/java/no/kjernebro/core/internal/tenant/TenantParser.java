package no.kjernebro.core.internal.tenant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.kjernebro.api.identity.OrganisationNumber;
import no.kjernebro.core.internal.helseid.KeyFiles;
import no.kjernebro.core.internal.helseid.SigningKey;
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
        TenantHelseId helseId = helseId(s, problems);
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
                list(s.adapters()), helseId, digests, policy);
    }

    /** The HelseID part: mode, own client and key (single), DPoP switch and key. */
    private static TenantHelseId helseId(TenantSettings s, List<String> problems) {
        String mode = trim(s.helseIdMode());
        boolean multi = "multi".equalsIgnoreCase(mode);
        if (!multi && mode != null && !mode.isEmpty() && !"single".equalsIgnoreCase(mode)) {
            problems.add("helseid.mode '" + mode + "' is neither single nor multi");
        }
        Boolean dpop = null;
        String dpopText = trim(s.helseIdDpop());
        if (dpopText != null && !dpopText.isEmpty()) {
            if (!dpopText.equalsIgnoreCase("true") && !dpopText.equalsIgnoreCase("false")) {
                problems.add("helseid.dpop '" + dpopText + "' is neither true, false nor empty");
            }
            dpop = Boolean.parseBoolean(dpopText);
        }
        if (multi) {
            // the shared client's id, keys and DPoP key are configured once, in no.kjernebro.kjernejournal
            return new TenantHelseId(TenantHelseId.Mode.MULTI, null, null, null, dpop);
        }
        String clientId = trim(s.helseIdClientId());
        if (clientId == null || clientId.isEmpty()) {
            problems.add("helseid.clientId is missing");
        }
        SigningKey key = null;
        String keyFile = trim(s.helseIdKeyFile());
        if (keyFile == null || keyFile.isEmpty()) {
            problems.add("helseid.keyFile is missing");
        } else {
            key = key("helseid.keyFile", keyFile, trim(s.helseIdKeyId()), problems);
        }
        SigningKey dpopKey = null;
        String dpopKeyFile = trim(s.helseIdDpopKeyFile());
        if (dpopKeyFile != null && !dpopKeyFile.isEmpty()) {
            dpopKey = key("helseid.dpopKeyFile", dpopKeyFile, null, problems);
        }
        return new TenantHelseId(TenantHelseId.Mode.SINGLE, clientId, key, dpopKey, dpop);
    }

    private static SigningKey key(String property, String file, String keyId, List<String> problems) {
        try {
            return KeyFiles.load(Path.of(file), keyId);
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(property + " '" + file + "' is not a valid path");
            return null;
        } catch (IllegalArgumentException e) {
            // KeyFiles' messages name the file and the problem, never key material
            problems.add(property + ": " + e.getMessage());
            return null;
        }
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
