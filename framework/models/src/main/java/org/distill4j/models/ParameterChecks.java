package org.distill4j.models;

import java.util.List;

/** Checks shared by the parameter records; messages name the parameter and say what would be valid. */
public final class ParameterChecks {

    private ParameterChecks() {
    }

    /** An immutable copy of a list of layer widths, each at least 1. */
    public static List<Integer> widths(String parameter, List<Integer> widths) {
        if (widths == null) {
            throw new IllegalArgumentException(parameter + " must be a list of widths, got nothing");
        }
        for (int index = 0; index < widths.size(); index++) {
            Integer width = widths.get(index);
            if (width == null || width < 1) {
                throw new IllegalArgumentException(parameter + "[" + index + "] must be a width >= 1, got " + width
                        + " (in " + widths + ")");
            }
        }
        return List.copyOf(widths);
    }

    /** A dropout rate: the probability of dropping a unit, in [0, 1). */
    public static void rate(String parameter, double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(parameter + " is a drop probability and must be in [0, 1), got " + rate);
        }
    }

    /** The number of classes a family is asked for. */
    public static void classes(String family, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException(family + ": the number of classes must be >= 1, got " + classes);
        }
    }
}
