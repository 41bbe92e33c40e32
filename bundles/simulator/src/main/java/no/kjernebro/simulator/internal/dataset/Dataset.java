package no.kjernebro.simulator.internal.dataset;

import java.util.List;
import java.util.Optional;

/**
 * The synthetic world the simulator serves: patients with their kjernejournal and the people who
 * may ask for a user token. Immutable once loaded.
 *
 * @param beskrivelse free text saying what the dataset is
 * @param personell health workers and case workers who can get a user token from {@code /testtoken}
 * @param pasienter patients, looked up by identity number
 */
public record Dataset(String beskrivelse, List<Person> personell, List<Pasient> pasienter) {

    public Dataset {
        personell = personell == null ? List.of() : List.copyOf(personell);
        pasienter = pasienter == null ? List.of() : List.copyOf(pasienter);
    }

    public Optional<Pasient> pasient(String fnr) {
        return pasienter.stream().filter(p -> p.fnr().equals(fnr)).findFirst();
    }

    public Optional<Person> personByHpr(String hprNumber) {
        return personell.stream().filter(p -> hprNumber.equals(p.hprNumber())).findFirst();
    }

    public Optional<Person> personBySubject(String subject) {
        return personell.stream().filter(p -> subject.equals(p.subject())).findFirst();
    }

    /**
     * Someone who can log in: a health worker (with HPR number and profession) or a case worker.
     *
     * @param subject the stable HelseID subject
     * @param pid the person's synthetic identity number
     * @param hprNumber null for case workers
     * @param profesjon HPR profession code (LE, SP, ...), null for case workers
     * @param rolle {@code HELSEPERSONELL} or {@code SAKSBEHANDLER}
     */
    public record Person(String subject, String navn, String pid, String hprNumber, String profesjon, String rolle) {
    }
}
