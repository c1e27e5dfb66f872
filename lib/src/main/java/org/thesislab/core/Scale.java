package org.thesislab.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How big a notebook's computation is. Read once from {@code THESISLAB_SCALE} (environment) or the
 * {@code thesislab.scale} system property; 'quick' when unset.
 */
public enum Scale {
    /** Seconds: every code path on tiny sizes, for tests. */
    SMOKE,
    /** Minutes on a 2-core CPU: shows the chapter's headline phenomenon. */
    QUICK,
    /** The thesis' own sizes and hyperparameters, for a GPU. */
    PAPER;

    public static final String ENV = "THESISLAB_SCALE";
    public static final String PROPERTY = "thesislab.scale";

    /** The scale this process runs at. */
    public static Scale current() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENV);
        }
        return value == null || value.isBlank() ? QUICK : parse(value);
    }

    /** Parses a scale name; an unknown name is an error that lists the valid ones. */
    public static Scale parse(String name) {
        for (Scale s : values()) {
            if (s.label().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown scale '" + name + "'. Set " + ENV + " to one of: "
                + Arrays.stream(values()).map(Scale::label).collect(Collectors.joining(", ")) + ".");
    }

    /** Picks the value for this scale: {@code Scale.current().pick(8, 2000, 60000)}. */
    public <T> T pick(T smoke, T quick, T paper) {
        return switch (this) {
            case SMOKE -> smoke;
            case QUICK -> quick;
            case PAPER -> paper;
        };
    }

    public int pick(int smoke, int quick, int paper) {
        return pick(Integer.valueOf(smoke), Integer.valueOf(quick), Integer.valueOf(paper));
    }

    public double pick(double smoke, double quick, double paper) {
        return pick(Double.valueOf(smoke), Double.valueOf(quick), Double.valueOf(paper));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
