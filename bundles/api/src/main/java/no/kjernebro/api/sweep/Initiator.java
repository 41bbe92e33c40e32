package no.kjernebro.api.sweep;

import java.util.Objects;

/**
 * Who started or registered something, as the audit trail names them.
 *
 * @param type {@link Type#SYSTEM} for an EPJ or a schedule, {@link Type#OPERATOR} for a person at the console
 * @param id the EPJ system name, the schedule's configuration name or the operator's user name
 */
public record Initiator(Type type, String id) {

    public enum Type { SYSTEM, OPERATOR }

    public Initiator {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static Initiator operator(String user) {
        return new Initiator(Type.OPERATOR, user);
    }

    public static Initiator system(String name) {
        return new Initiator(Type.SYSTEM, name);
    }
}
