package com.myagents.plant.status;

import org.jooq.impl.EnumConverter;

/**
 * Maps a varchar column with a CHECK list to its enum by the constant's {@link DatabaseLiteral#literal()}
 * (not its Java name). The jOOQ code generator puts one on each such column (plant-store's pom,
 * forcedTypes), so generated records and fields are typed by the enum.
 */
public final class LiteralConverter<E extends Enum<E> & DatabaseLiteral> extends EnumConverter<String, E> {

    public LiteralConverter(Class<E> type) {
        super(String.class, type, DatabaseLiteral::literal);
    }
}
