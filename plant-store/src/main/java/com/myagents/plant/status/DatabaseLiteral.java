package com.myagents.plant.status;

/**
 * A value a CHECK constraint of the Plant schema allows, spelled exactly as the database (and the
 * API's JSON) writes it. The enums of this package implement it; {@link LiteralConverter} maps
 * the column to the enum and back, and {@code StatusConstraintsTest} holds each enum's literals
 * equal to its constraint's list after all migrations.
 */
public interface DatabaseLiteral {

    String literal();

    /** The constant whose literal this is; a value the enum does not know is a bug, not input. */
    static <E extends Enum<E> & DatabaseLiteral> E of(Class<E> type, String literal) {
        for (E constant : type.getEnumConstants()) {
            if (constant.literal().equals(literal)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no literal '" + literal + "'");
    }
}
