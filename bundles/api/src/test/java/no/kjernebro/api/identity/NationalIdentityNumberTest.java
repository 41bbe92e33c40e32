package no.kjernebro.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdentityNumberTest {

    @Test
    void acceptsSyntheticNumberAndReadsItsBirthDate() {
        NationalIdentityNumber n = NationalIdentityNumber.parse("05902823095").orElseThrow();
        assertThat(n.kind()).isEqualTo(NationalIdentityNumber.Kind.FNR);
        assertThat(n.synthetic()).isTrue();
        assertThat(n.birthDate()).isEqualTo(LocalDate.of(1928, 10, 5));
    }

    @Test
    void acceptsSyntheticDNumber() {
        NationalIdentityNumber n = NationalIdentityNumber.parse("55838510069").orElseThrow();
        assertThat(n.kind()).isEqualTo(NationalIdentityNumber.Kind.DNR);
        assertThat(n.synthetic()).isTrue();
        assertThat(n.birthDate()).isEqualTo(LocalDate.of(1985, 3, 15));
    }

    @Test
    void individualNumberAbove499MeansThe2000sForYoungYears() {
        NationalIdentityNumber child = NationalIdentityNumber.parse("12861550182").orElseThrow();
        assertThat(child.birthDate()).isEqualTo(LocalDate.of(2015, 6, 12));
        assertThat(child.ageOn(LocalDate.of(2026, 11, 25))).isEqualTo(11);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "05902823096", // second check digit wrong
        "05902823185", // first check digit wrong
        "0590282309",  // ten digits
        "059028230955", // twelve digits
        "0590282309a", // not a digit
        "",
        "32902823095"  // day 32: checksum recomputed below would still fail the date
    })
    void rejectsMalformedNumbers(String candidate) {
        assertThat(NationalIdentityNumber.isValid(candidate)).isFalse();
    }

    @Test
    void rejectsNumbersWhoseCheckDigitWouldBeTen() {
        int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        int found = 0;
        for (int ind = 100; ind < 500; ind++) {
            String nine = "018101" + ind;
            int[] d = new int[11];
            for (int i = 0; i < 9; i++) {
                d[i] = nine.charAt(i) - '0';
            }
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += d[i] * w1[i];
            }
            if (11 - sum % 11 != 10) {
                continue;
            }
            found++;
            for (int c = 0; c < 100; c++) {
                String candidate = nine + String.format("%02d", c);
                assertThat(NationalIdentityNumber.isValid(candidate)).as(candidate).isFalse();
            }
        }
        assertThat(found).isPositive();
    }

    @Test
    void rejectsImpossibleDateEvenWithValidCheckDigits() {
        // 31 February (synthetic month 82), check digits computed for it
        assertThat(NationalIdentityNumber.isValid(withCheckDigits("318228123"))).isFalse();
        assertThat(NationalIdentityNumber.isValid(withCheckDigits("288228123"))).isTrue();
    }

    @Test
    void nullIsInvalid() {
        assertThat(NationalIdentityNumber.parse(null)).isEmpty();
    }

    @Test
    void toStringAndMaskNeverShowTheNumber() {
        NationalIdentityNumber n = NationalIdentityNumber.parse("05902823095").orElseThrow();
        assertThat(n.toString()).isEqualTo("*********95").doesNotContain("059028");
        assertThat(NationalIdentityNumber.mask(null)).isEqualTo("null");
        assertThat(NationalIdentityNumber.mask("1")).isEqualTo("*");
    }

    @Test
    void organisationNumberChecksum() {
        assertThat(OrganisationNumber.isValid("974760673")).isTrue();  // Brønnøysundregistrene's own
        assertThat(OrganisationNumber.isValid("974760674")).isFalse();
        assertThat(OrganisationNumber.isValid("97476067")).isFalse();
        assertThat(OrganisationNumber.isValid(null)).isFalse();
    }

    private static String withCheckDigits(String nine) {
        int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        int[] w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int[] d = new int[11];
        for (int i = 0; i < 9; i++) {
            d[i] = nine.charAt(i) - '0';
        }
        d[9] = check(d, w1);
        d[10] = check(d, w2);
        StringBuilder sb = new StringBuilder();
        for (int x : d) {
            sb.append(x);
        }
        return sb.toString();
    }

    private static int check(int[] d, int[] w) {
        int sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += d[i] * w[i];
        }
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k;
    }
}
