package com.myagents.pp.operators;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** What an operator may do through the door. Stored and carried in tokens by {@link #id()}. */
public enum OperatorRole {

    /** Runs the platform: may read and change. */
    ADMIN(true),
    /** Helps customers: may look, not touch. */
    SUPPORT(false),
    /** Checks what happened: may look, not touch. */
    AUDITOR(false);

    private final boolean writes;

    OperatorRole(boolean writes) {
        this.writes = writes;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean writes() {
        return writes;
    }

    public static Optional<OperatorRole> of(String id) {
        return Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst();
    }

    /** Whether any of these role ids allows changes; unknown ids allow nothing. */
    public static boolean anyWrites(Collection<String> roleIds) {
        return roleIds.stream().map(OperatorRole::of).flatMap(Optional::stream).anyMatch(OperatorRole::writes);
    }

    /** Whether any of these role ids is a role at all (reading needs one). */
    public static boolean anyKnown(Collection<String> roleIds) {
        return roleIds.stream().map(OperatorRole::of).anyMatch(Optional::isPresent);
    }
}
