package org.distill4j.plugin.factortransfer;

/** Parameter checks both distillers share. */
final class FactorTransferChecks {

    static String vertex(String name, String key, String expected) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(key + " must name " + expected + ", got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        return name;
    }

    static double rate(double rate) {
        if (!(rate > 0) || !(rate <= 1)) {
            throw new IllegalArgumentException("rate must be in (0, 1] (the paraphrase rate k: the factor has k times"
                    + " the teacher's channels; both references use 0.5), got " + rate);
        }
        return rate;
    }

    static double slope(double slope) {
        if (!(slope >= 0) || !(slope < 1)) {
            throw new IllegalArgumentException("slope must be in [0, 1) (the LeakyReLU's negative slope; both"
                    + " references use 0.1), got " + slope);
        }
        return slope;
    }

    static FactorTransferMode mode(FactorTransferMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("mode must be authors or repdistiller, got nothing");
        }
        return mode;
    }

    private FactorTransferChecks() {
    }
}
