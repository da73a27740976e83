package org.distill4j.kernel.parameters;

import org.distill4j.api.Range;

import java.util.ArrayList;
import java.util.List;

/** Checks numbers against a {@link Range} and writes the range as users read it: {@code > 0 and <= 1}. */
final class RangeRule {

    static boolean contains(Range range, double value) {
        boolean aboveMin = range.minExclusive() ? value > range.min() : value >= range.min();
        boolean belowMax = range.maxExclusive() ? value < range.max() : value <= range.max();
        return aboveMin && belowMax;
    }

    /** The range, or an empty string when it allows every number. */
    static String text(Range range) {
        List<String> bounds = new ArrayList<>(2);
        if (range.min() != Double.NEGATIVE_INFINITY) {
            bounds.add((range.minExclusive() ? "> " : ">= ") + number(range.min()));
        }
        if (range.max() != Double.POSITIVE_INFINITY) {
            bounds.add((range.maxExclusive() ? "< " : "<= ") + number(range.max()));
        }
        return String.join(" and ", bounds);
    }

    // Bounds are doubles in the annotation; 0.0 reads better as 0, and an integer parameter's bound is an integer.
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private RangeRule() {
    }
}
