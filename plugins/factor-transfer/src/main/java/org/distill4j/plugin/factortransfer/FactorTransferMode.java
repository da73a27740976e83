package org.distill4j.plugin.factortransfer;

/**
 * Whose code to follow where the authors' code (Jangho-Kim/Factor-Transfer-pytorch) and RepDistiller differ. Both
 * distillers of a run must use the same mode and rate, so that the paraphraser the first trains has the shapes the
 * second reads (the kernel refuses the run otherwise).
 */
public enum FactorTransferMode {
    /**
     * The authors' code: factor {@code normalize(vec(F))} over all of the factor's {@code k C x H x W} values
     * ({@code utils.py} {@code FT}, lines 107-108), paraphraser trained with an L1 reconstruction loss
     * ({@code train_Paraphraser.py} line 103), translator without batch norm ({@code Models/FeatureProjection.py}
     * lines 57-72), {@code round(C k)} factor channels, beta 500 ({@code train_student.py} line 35).
     */
    AUTHORS,
    /**
     * RepDistiller's: factor {@code normalize(mean_c(F^p1))}, a spatial map per sample ({@code distiller_zoo/FT.py}
     * lines 30-31) after pooling the larger map to the smaller one's size (lines 18-23), paraphraser trained with an
     * MSE reconstruction loss ({@code train_student.py} line 247), translator with batch norm ({@code models/util.py}
     * lines 45-59, {@code use_bn=True}), {@code floor(C k)} factor channels, beta 200
     * ({@code scripts/run_cifar_distill.sh} line 23).
     */
    REPDISTILLER;

    /** The factor's channel count for a teacher map of {@code teacherChannels}: round or floor of {@code C k}. */
    int factorChannels(int teacherChannels, double rate) {
        double channels = teacherChannels * rate;
        return (int) (this == AUTHORS ? Math.round(channels) : Math.floor(channels));
    }

    /** The weight of the factor loss when none is given. */
    double defaultBeta() {
        return this == AUTHORS ? 500 : 200;
    }
}
