package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.kjernebro.api.lookup.ErrorCode;
import org.junit.jupiter.api.Test;

class TenantBulkheadTest {

    @Test
    void aFullBulkheadRefusesThatTenantOnlyAndFreesPlacesOnClose() throws Exception {
        TenantBulkhead bulkhead = new TenantBulkhead(2, 0);
        TenantBulkhead.Permit a = bulkhead.acquire("5601");
        TenantBulkhead.Permit b = bulkhead.acquire("5601");
        assertThat(bulkhead.inFlight("5601")).isEqualTo(2);

        assertThatThrownBy(() -> bulkhead.acquire("5601")).isInstanceOfSatisfying(KjernejournalException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS));
        try (TenantBulkhead.Permit other = bulkhead.acquire("5503")) {
            assertThat(bulkhead.inFlight("5503")).isEqualTo(1);
        }
        a.close();
        bulkhead.acquire("5601").close();
        b.close();
        assertThat(bulkhead.inFlight("5601")).isZero();
        assertThat(bulkhead.refused()).isEqualTo(1);
    }
}
