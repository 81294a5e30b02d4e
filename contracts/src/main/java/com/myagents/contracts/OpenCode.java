package com.myagents.contracts;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A lower-case wire code of an open set (a reason, an outcome, a mode, a status, a verdict). Not an
 * enum on purpose: a consumer one release behind the writer must still read what it wrote, so a
 * code this build does not know is kept as written ({@link #known()} is false) and passed on
 * unchanged, never refused; what a record means is decided by the known constants only. Two codes
 * of the same type are equal when their text is; a known code reads as its constant itself, so
 * {@code ==} holds for those (see {@link Known#fromCode}).
 */
public abstract class OpenCode {

    private static final Map<Class<?>, Known<?>> KNOWN_BY_TYPE = new ConcurrentHashMap<>();

    private final String code;

    /** @param what the code's kind in words, for the refusal of a blank one ("an outcome") */
    protected OpenCode(String code, String what) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException(what + " is a non-blank string");
        }
        this.code = code;
    }

    @JsonValue
    public final String code() {
        return code;
    }

    /** False for a code written by a newer writer than this build. */
    public final boolean known() {
        Known<?> known = KNOWN_BY_TYPE.get(getClass());
        return known != null && known.contains(this);
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((OpenCode) other).code.equals(code);
    }

    @Override
    public final int hashCode() {
        return code.hashCode();
    }

    @Override
    public final String toString() {
        return code;
    }

    /**
     * The codes of one type this build knows, in the order they were introduced, and the look-up
     * that reads a wire code as one of them or as a new code carrying it.
     */
    public static final class Known<C extends OpenCode> {

        private final List<C> constants;
        private final Function<String, C> carrying;

        /** @param carrying makes a code this build does not know (the type's constructor) */
        @SafeVarargs
        public Known(Class<C> type, Function<String, C> carrying, C... constants) {
            this.constants = List.of(constants);
            this.carrying = carrying;
            KNOWN_BY_TYPE.put(type, this);
        }

        public List<C> values() {
            return constants;
        }

        /** The known constant itself for a known code, a new code carrying any other, null for null. */
        public C fromCode(String code) {
            if (code == null) {
                return null;
            }
            return constants.stream().filter(known -> known.code().equals(code)).findFirst()
                    .orElseGet(() -> carrying.apply(code));
        }

        boolean contains(OpenCode code) {
            return constants.contains(code);
        }
    }
}
