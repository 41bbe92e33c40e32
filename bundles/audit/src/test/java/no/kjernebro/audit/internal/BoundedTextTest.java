package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedTextTest {

    @Test
    void shortTextIsKept() {
        assertThat(BoundedText.bound("abc", 3)).isEqualTo("abc");
        assertThat(BoundedText.bound(null, 3)).isNull();
    }

    @Test
    void longTextIsCut() {
        assertThat(BoundedText.bound("abcdef", 4)).isEqualTo("abcd");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "ab\uD83D\uDE00"; // 4 chars, the last two one code point

        assertThat(BoundedText.bound(emoji, 3)).isEqualTo("ab");
    }

    @Test
    void nulIsReplacedBecausePostgresRefusesIt() {
        assertThat(BoundedText.bound("a\u0000b", 10)).isEqualTo("a\uFFFDb");
    }
}
