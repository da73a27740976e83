package org.distill4j.datasets.split;

/** The split parameters every image dataset's parameter record shares. */
public interface SplitParameters {

    int trainSize();

    double validationFraction();

    int testSize();

    /** The parameters as a value; records validate them in their constructors, so this does not throw. */
    default SplitSettings splitSettings() {
        return new SplitSettings(trainSize(), validationFraction(), testSize());
    }
}
