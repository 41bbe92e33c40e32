package no.kjernebro.api.identity;

/** Rules for the 9-digit Norwegian organisation number (Enhetsregisteret). */
public final class OrganisationNumber {

    /** Identifier system for organisation numbers in FHIR and audit records. */
    public static final String OID = "urn:oid:2.16.578.1.12.4.1.4.101";

    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    private OrganisationNumber() {
    }

    /** True for 9 digits whose mod-11 check digit (weights 3 2 7 6 5 4 3 2) is right. */
    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 8) {
                sum += (c - '0') * WEIGHTS[i];
            }
        }
        int k = 11 - (sum % 11);
        if (k == 11) {
            k = 0;
        }
        return k != 10 && k == candidate.charAt(8) - '0';
    }
}
