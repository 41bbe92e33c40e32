package no.kjernebro.api.lookup;

/**
 * The person on whose behalf a lookup is made: authorised health personnel identified by their HPR
 * number, or a case worker without authorisation identified by the subject HelseID gives them.
 */
public sealed interface Actor permits Actor.HealthPersonnel, Actor.CaseWorker {

    /** The identifier the audit log records (HPR number or HelseID subject). */
    String id();

    String name();

    /** Authorised health personnel. */
    record HealthPersonnel(String hprNumber, String name, Profession profession) implements Actor {
        @Override
        public String id() {
            return hprNumber;
        }
    }

    /** A case worker (saksbehandler) in an allocation office: no HPR authorisation. */
    record CaseWorker(String helseIdSubject, String name, String role) implements Actor {
        @Override
        public String id() {
            return helseIdSubject;
        }
    }
}
