package no.kjernebro.simulator.internal.jwt;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The asymmetric JWS algorithms HelseID accepts for client assertions and DPoP proofs (RSA PKCS#1,
 * RSA-PSS and ECDSA). Symmetric ({@code HS*}) and {@code none} are deliberately absent: a shared
 * secret or no signature proves nothing about the client's private key.
 */
public enum JwsAlgorithm {
    RS256("SHA256withRSA", null, Family.RSA),
    RS384("SHA384withRSA", null, Family.RSA),
    RS512("SHA512withRSA", null, Family.RSA),
    PS256("RSASSA-PSS", pss("SHA-256", MGF1ParameterSpec.SHA256, 32), Family.RSA),
    PS384("RSASSA-PSS", pss("SHA-384", MGF1ParameterSpec.SHA384, 48), Family.RSA),
    PS512("RSASSA-PSS", pss("SHA-512", MGF1ParameterSpec.SHA512, 64), Family.RSA),
    // JOSE encodes ECDSA signatures as R||S (IEEE P1363), not DER; the JDK offers that format directly.
    ES256("SHA256withECDSAinP1363Format", null, Family.EC),
    ES384("SHA384withECDSAinP1363Format", null, Family.EC),
    ES512("SHA512withECDSAinP1363Format", null, Family.EC);

    /** Key families. */
    public enum Family { RSA, EC }

    private final String jcaName;
    private final PSSParameterSpec pssParameters;
    private final Family family;

    JwsAlgorithm(String jcaName, PSSParameterSpec pssParameters, Family family) {
        this.jcaName = jcaName;
        this.pssParameters = pssParameters;
        this.family = family;
    }

    /** The names, for discovery metadata and error messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    public static Optional<JwsAlgorithm> of(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }

    public Family family() {
        return family;
    }

    /** True when the key is of the kind this algorithm signs with. */
    public boolean fits(java.security.Key key) {
        return family == Family.RSA ? key instanceof RSAKey : key instanceof ECKey;
    }

    byte[] sign(PrivateKey key, byte[] input) throws GeneralSecurityException {
        Signature signer = signature();
        signer.initSign(key);
        signer.update(input);
        return signer.sign();
    }

    boolean verify(PublicKey key, byte[] input, byte[] signatureBytes) {
        try {
            Signature verifier = signature();
            verifier.initVerify(key);
            verifier.update(input);
            return verifier.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private Signature signature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(jcaName);
        if (pssParameters != null) {
            signature.setParameter(pssParameters);
        }
        return signature;
    }

    private static PSSParameterSpec pss(String digest, MGF1ParameterSpec mgf, int saltLength) {
        return new PSSParameterSpec(digest, "MGF1", mgf, saltLength, PSSParameterSpec.TRAILER_FIELD_BC);
    }
}
