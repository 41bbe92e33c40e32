package no.kjernebro.core.internal.kj;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Helseindikator;
import no.kjernebro.api.summary.Legemidler;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.core.internal.helseid.HelseIdClient;
import no.kjernebro.core.internal.tenant.Tenant;

/**
 * One lookup against kjernejournal: Helseindikator (or a reused ticket), then the granted sections
 * with the user's token, all within one deadline. Status 0 and 1 end the lookup with the indicator
 * only; a patient who blocked health personnel gets nothing fetched; a ticket kjernejournal no longer
 * knows is replaced once.
 */
public final class HttpKjernejournalClient implements KjernejournalClient, LegemiddelvarslingClient, AutoCloseable {

    /** Sections that come from the FHIR $everything bundle; everything but medication. */
    private static final Set<Section> FHIR_SECTIONS = EnumSet.complementOf(EnumSet.of(Section.LEGEMIDLER));

    private final KjernejournalSettings settings;
    private final Clock clock;
    private final HttpTransport transport;
    private final ClientStatistics stats = new ClientStatistics();
    private final ResilientHttp http;
    private final TicketCache tickets;
    private final HelseindikatorCall helseindikator;
    private final EverythingCall everything;
    private final LegemidlerCall legemidler;
    private final LegemiddelvarslingCall legemiddelvarsling;

    HttpKjernejournalClient(KjernejournalSettings settings, HelseIdClient helseId, HttpTransport transport, Clock clock,
                            Sleeper sleeper, Backoff backoff) {
        this.settings = settings;
        this.clock = clock;
        this.transport = transport;
        this.http = new ResilientHttp(transport, settings, clock, sleeper, backoff, stats);
        SystemTokenCalls systemCalls = new SystemTokenCalls(helseId, http, settings, clock, stats);
        this.tickets = new TicketCache(clock, settings.effectiveTicketReuse(), settings.ticketMaxEntries());
        this.helseindikator = new HelseindikatorCall(settings, systemCalls, clock, stats);
        this.everything = new EverythingCall(settings, http);
        this.legemidler = new LegemidlerCall(settings, http, helseindikator);
        this.legemiddelvarsling = new LegemiddelvarslingCall(settings, systemCalls, clock);
    }

    /** The client over the JDK's HTTP client, real time and real sleeps. */
    public static HttpKjernejournalClient start(KjernejournalSettings settings, HelseIdClient helseId, Clock clock) {
        return new HttpKjernejournalClient(settings, helseId, new JdkHttpTransport(settings), clock, Sleeper.REAL,
                new Backoff(settings.retryBaseDelayMs(), settings.retryMaxDelayMs()));
    }

    @Override
    public PatientSummary fetch(KjernejournalRequest request) throws KjernejournalException {
        try {
            return doFetch(request);
        } catch (RuntimeException e) {
            throw new KjernejournalException(ErrorCode.INTERNAL_ERROR, "kjernejournal client failed: " + e, e);
        }
    }

    @Override
    public int maxBatchSize() {
        return settings.legemiddelvarslingMaxBatchSize();
    }

    @Override
    public List<VarslingSvar> sjekk(Tenant tenant, List<PasientSjekk> pasienter, String epjSystem,
                                    String correlationId) throws KjernejournalException {
        try {
            return legemiddelvarsling.sjekk(tenant, pasienter, epjSystem, correlationId);
        } catch (RuntimeException e) {
            throw new KjernejournalException(ErrorCode.INTERNAL_ERROR, "Legemiddelvarsling client failed: " + e, e);
        }
    }

    private PatientSummary doFetch(KjernejournalRequest request) throws KjernejournalException {
        Deadline deadline = Deadline.after(settings.lookupDeadline(), clock);
        String key = TicketCache.key(request.tenant(), request.patient().value(), request.samtykke(), request.samtykker());
        for (int round = 1; ; round++) {
            TicketCache.Entry issued = indicator(request, key, deadline);
            Helseindikator indikator = issued.indikator();
            if (!indikator.harKjernejournal()) {
                // status 0 (kjernejournal does not accept the number) or 1 (no kjernejournal): nothing to fetch
                return new PatientSummary(request.patient().value(), indikator, Set.of(), null, null, null, null,
                        null, null, null, null);
            }
            if (indikator.eksistererBlokkertHelsepersonell()) {
                throw new KjernejournalException(ErrorCode.PATIENT_BLOCKED_PERSONNEL,
                        "the patient has blocked health personnel; kjernejournal shares no clinical data through the API");
            }
            if (issued.ticket() == null) {
                throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED,
                        "Helseindikator status " + indikator.status() + " came without a ticket");
            }
            try {
                return sections(request, issued, deadline);
            } catch (TicketUnknown e) {
                tickets.evict(key);
                stats.ticketsRefused.incrementAndGet();
                if (round > 1) {
                    throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, e.getMessage()
                            + ", not even a fresh one");
                }
            }
        }
    }

    private TicketCache.Entry indicator(KjernejournalRequest request, String key, Deadline deadline)
            throws KjernejournalException {
        TicketCache.Entry cached = tickets.get(key);
        if (cached != null) {
            stats.ticketsReused.incrementAndGet();
            return cached;
        }
        HelseindikatorCall.Result result = helseindikator.call(request, deadline);
        var samtykkeSent = settings.sendSamtykke() ? request.samtykke() : null;
        tickets.put(key, result.indikator(), result.ticket(), samtykkeSent);
        return new TicketCache.Entry(result.indikator(), result.ticket(), samtykkeSent, clock.instant());
    }

    private PatientSummary sections(KjernejournalRequest request, TicketCache.Entry issued, Deadline deadline)
            throws KjernejournalException, TicketUnknown {
        Set<Section> wanted = request.sections();
        Merknader merknader = new Merknader();
        FhirBundleMapper.Content fhir = null;
        if (wanted.stream().anyMatch(FHIR_SECTIONS::contains)) {
            fhir = FhirBundleMapper.map(everything.fetch(request, issued.ticket(), issued.samtykkeSent(), deadline),
                    request.patient().value());
            merknader.addAll(fhir.merknader());
        }
        Legemidler medication = null;
        if (wanted.contains(Section.LEGEMIDLER)) {
            LegemiddelMapper.Content content = LegemiddelMapper.map(legemidler.fetch(request, issued.ticket(), deadline));
            medication = lockedPrescriptions(content.legemidler(), issued.indikator(), request, merknader);
            merknader.addAll(content.merknader());
        }
        PatientSummary all = fhir == null
                ? new PatientSummary(request.patient().value(), issued.indikator(), wanted, null, null, null,
                        medication, null, null, null, null, merknader.toList())
                : new PatientSummary(request.patient().value(), issued.indikator(), wanted, fhir.personalia(),
                        fhir.fastlege(), fhir.paarorende(), medication, fhir.kritiskInformasjon(), fhir.vaksiner(),
                        fhir.besokshistorikk(), fhir.egneRegistreringer(), merknader.toList());
        // the bundle holds every section; only the granted ones leave the client
        return all.restrictedTo(wanted);
    }

    /**
     * Locked prescriptions are only shown with the patient's consent given there and then. Without it,
     * and when Helseindikator says there are some, the list is marked as not showing them even if the
     * medication answer forgot to say so.
     */
    private static Legemidler lockedPrescriptions(Legemidler legemidler, Helseindikator indikator,
                                                  KjernejournalRequest request, Merknader merknader) {
        boolean hidden = legemidler.lasteResepterSkjult()
                || indikator.harLasteResepter() && !request.samtykker().lasteResepter();
        if (hidden) {
            merknader.add(Section.LEGEMIDLER, Merknader.MODUL_SPERRET, "Pasienten har låste resepter som ikke vises "
                    + "uten pasientens samtykke.", null, null);
        }
        return hidden == legemidler.lasteResepterSkjult() ? legemidler : new Legemidler(legemidler.items(), true);
    }

    ClientStatistics statistics() {
        return stats;
    }

    ResilientHttp resilience() {
        return http;
    }

    @Override
    public void close() {
        transport.close();
    }
}
