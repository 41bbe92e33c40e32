package no.kjernebro.adapter.sykehjemxml.internal.xml;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import no.kjernebro.api.lookup.ServiceContext;

/**
 * The nursing-home EPJ's own codes for where the patient is served ({@code Tjenestested}), and the
 * canonical service context each one means. Codes are matched exactly, as the EPJ sends them.
 */
enum Tjenestested {
    /** langtidsopphold i sykehjem. */
    LANGTID(ServiceContext.SYKEHJEM_LANGTID),
    /** korttidsopphold: rehabilitering, avlastning, utredning. */
    KORTTID(ServiceContext.SYKEHJEM_KORTTID),
    /** kommunale akutte døgnplasser. */
    KAD(ServiceContext.KAD_OHD),
    /** øyeblikkelig hjelp døgn: the older name for the same beds, still used by many units. */
    OHD(ServiceContext.KAD_OHD),
    /** omsorgsinstitusjon for barn, unge, eldre, rus eller psykiatri. */
    INSTITUSJON(ServiceContext.OMSORGSINSTITUSJON);

    private final ServiceContext serviceContext;

    Tjenestested(ServiceContext serviceContext) {
        this.serviceContext = serviceContext;
    }

    ServiceContext serviceContext() {
        return serviceContext;
    }

    static Optional<Tjenestested> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }

    /** The codes for a message: "LANGTID, KORTTID, ...". */
    static String codes() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
