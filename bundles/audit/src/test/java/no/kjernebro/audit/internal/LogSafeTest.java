package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void elevenDigitRunsAreMasked() {
        assertThat(LogSafe.mask("Value too long: '05902823095' for PATIENT_ID"))
                .isEqualTo("Value too long: '*********95' for PATIENT_ID");
    }

    @Test
    void otherNumbersAreKept() {
        assertThat(LogSafe.mask("orgnr 990560102, seq 123456789012, hpr 9100002"))
                .isEqualTo("orgnr 990560102, seq 123456789012, hpr 9100002");
    }

    @Test
    void aScrubbedChainKeepsTypesAndStacksButNotTheNumber() {
        SQLException root = new SQLException("duplicate key (05902823095)");
        RuntimeException top = new RuntimeException("wrapped", root);

        Throwable scrubbed = LogSafe.scrub(top);

        assertThat(scrubbed).hasMessage("java.lang.RuntimeException: wrapped");
        assertThat(scrubbed.getCause()).hasMessage("java.sql.SQLException: duplicate key (*********95)");
        assertThat(scrubbed.getCause().getStackTrace()).isEqualTo(root.getStackTrace());
    }
}
