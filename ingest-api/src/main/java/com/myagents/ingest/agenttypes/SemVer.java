package com.myagents.ingest.agenttypes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code major.minor.patch}, ordered numerically (1.10.0 comes after 1.9.0). */
public record SemVer(int major, int minor, int patch) implements Comparable<SemVer> {

    private static final Pattern FORM = Pattern.compile("(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})");

    public static boolean valid(String version) {
        return version != null && FORM.matcher(version).matches();
    }

    public static SemVer parse(String version) {
        Matcher m = version == null ? null : FORM.matcher(version);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a semantic version: " + version);
        }
        return new SemVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    public SemVer nextMinor() {
        return new SemVer(major, minor + 1, 0);
    }

    @Override
    public int compareTo(SemVer other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
