package com.myagents.contracts;

import java.util.Locale;

/**
 * An enum whose code (on the wire, in configuration, in the database) is its constant's name in
 * lower case: {@code LINKEDIN} is {@code linkedin}. The code and the look-up by code are written once here.
 */
public interface NamedCode {

    String name();

    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} with this code, or {@code null} (for null too). */
    static <E extends Enum<E> & NamedCode> E fromCode(Class<E> type, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(code)) {
                return constant;
            }
        }
        return null;
    }
}
