package com.myagents.pp.agenttypes;

/**
 * One reason a definition may not be published.
 *
 * @param path    JSON pointer into the definition, e.g. {@code /ui_hints/theme/widget}
 * @param message what is wrong and what would be right, for the author
 */
public record Finding(String path, String message) {

    /** A pointer segment: {@code ~} and {@code /} escaped as RFC 6901 says. */
    static String segment(String name) {
        return "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
