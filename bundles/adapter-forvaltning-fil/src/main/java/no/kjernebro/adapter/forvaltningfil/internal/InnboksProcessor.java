package no.kjernebro.adapter.forvaltningfil.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import no.kjernebro.adapter.forvaltningfil.internal.json.ForvaltningFormat;
import no.kjernebro.adapter.forvaltningfil.internal.json.IdentityMasking;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.file.GenericFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camel side of the inbox route: one picked-up file in, its result file written, and the headers
 * that tell the file consumer where to move the input once the exchange completes (the move happens
 * only after the result is on disk, so an input never disappears without its result).
 */
final class InnboksProcessor implements Processor {

    /** Header read by the consumer's {@code move} option: where the input goes after processing. */
    static final String ARKIV = "KjernebroForvaltningArkiv";
    /** Header read by {@code moveFailed}: where the input goes if writing the result failed. */
    static final String FEILET_ARKIV = "KjernebroForvaltningFeiletArkiv";

    static final DateTimeFormatter STEMPEL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final Logger LOG = LoggerFactory.getLogger(InnboksProcessor.class);

    private final Mappeoppsett mapper;
    private final FilBehandler behandler;
    private final int maxBytes;
    private final Clock clock;

    InnboksProcessor(Mappeoppsett mapper, FilBehandler behandler, int maxBytes, Clock clock) {
        this.mapper = mapper;
        this.behandler = behandler;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        GenericFile<?> file = exchange.getIn().getBody(GenericFile.class);
        Path fil = Path.of(file.getAbsoluteFilePath());
        String kommune = mapper.kommuneFor(fil).orElseThrow(() -> new IllegalStateException(
                "picked up a file outside the inboxes: " + IdentityMasking.mask(fil.toString(), null)));
        String stempel = STEMPEL.format(clock.instant());
        String arkivnavn = stempel + "_" + fil.getFileName();
        // Set first: if anything below throws, Camel moves the input here instead of leaving it to be re-read.
        exchange.getIn().setHeader(FEILET_ARKIV, mapper.feilet(kommune).resolve(arkivnavn).toString());

        Innlevering inn = Innlevering.les(fil, kommune, maxBytes);
        Behandling behandling = behandler.behandle(inn);
        Path resultat = ResultatSkriver.skriv(mapper.ut(kommune), inn.stamme(),
                behandling.svar() ? ForvaltningFormat.SVAR_SUFFIX : ForvaltningFormat.FEIL_SUFFIX,
                behandling.dokument(), stempel);
        Path arkiv;
        if (behandling.avvist()) {
            arkiv = mapper.feilet(kommune).resolve(arkivnavn);
            // the operator finds the reason next to the rejected input
            ResultatSkriver.skriv(mapper.feilet(kommune), stempel + "_" + inn.stamme(), ForvaltningFormat.FEIL_SUFFIX,
                    behandling.dokument(), stempel);
        } else {
            arkiv = mapper.behandlet(kommune).resolve(arkivnavn);
        }
        exchange.getIn().setHeader(ARKIV, arkiv.toString());
        LOG.info("forvaltning-fil {} {}: {} -> ut/{}, input to {}/ (correlationId {})", kommune,
                IdentityMasking.mask(inn.filnavn(), null), behandling.kode(),
                IdentityMasking.mask(resultat.getFileName().toString(), null),
                behandling.avvist() ? Mappeoppsett.FEILET : Mappeoppsett.BEHANDLET, behandling.correlationId());
    }
}
