package no.kjernebro.auditreview.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SurnamesTest {

    @Test
    void comparesTheLastWordIgnoringCaseAndDiacritics() {
        assertThat(Surnames.same("Olga Marie HANSEN", "Per Hansen")).isTrue();
        assertThat(Surnames.same("Kari Bjørk", "Ola Bjork")).isTrue();
        assertThat(Surnames.same("Anne Åsheim", "Jon Asheim")).isTrue();
        assertThat(Surnames.same("Renée Lefèvre", "Paul Lefevre")).isTrue();
        assertThat(Surnames.same("Olga Nordmann", "Lise Testlege")).isFalse();
    }

    @Test
    void hyphenatedSurnamesMatchOnEitherPart() {
        assertThat(Surnames.same("Kari Nordmann-Hansen", "Per Hansen")).isTrue();
        assertThat(Surnames.same("Kari Nordmann-Hansen", "Siv Nordmann")).isTrue();
        assertThat(Surnames.same("Kari Nordmann-Hansen", "Siv Olsen-Berg")).isFalse();
    }

    @Test
    void surnameFirstWithACommaIsUnderstood() {
        assertThat(Surnames.of("Nordmann, Kari")).containsExactly("nordmann");
        assertThat(Surnames.same("Nordmann, Kari", "Ola Nordmann")).isTrue();
    }

    @Test
    void unknownNamesNeverMatch() {
        assertThat(Surnames.same(null, "Per Hansen")).isFalse();
        assertThat(Surnames.same("Per Hansen", " ")).isFalse();
        assertThat(Surnames.same("Hansen", "Per Hansen")).as("one word: no known surname").isFalse();
    }
}
