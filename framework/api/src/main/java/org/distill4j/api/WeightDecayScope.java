package org.distill4j.api;

/**
 * Which trainable parameters an optimizer's weight decay reaches. Running statistics of batch norm are no trainable
 * parameters and are never decayed.
 */
public enum WeightDecayScope {

    /**
     * Every trainable parameter: convolution and dense weights and biases, batch-norm gamma and beta. What
     * {@code torch.optim.SGD(model.parameters(), weight_decay=wd)} does, as the papers' official code passes every
     * parameter to its optimizer (HobbitLong/RepDistiller {@code train_student.py}, szagoruyko/attention-transfer
     * {@code cifar.py}, ososos888/prune-then-distill {@code training/train_utils.py}).
     */
    ALL,

    /** Convolution and dense weights and biases, not batch norm: DL4J's own L2 regularisation (before issue 18). */
    WEIGHTS_AND_BIASES,

    /** Convolution and dense weights only (the "no decay on biases and normalisation" recipe). */
    WEIGHTS
}
