package org.distill4j.plugin.correlationcongruence;

import org.distill4j.api.LossGraph;
import org.distill4j.api.ParameterInit;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * RepDistiller's {@code LinearEmbed} ({@code models/util.py} lines 185-194): the activation flattened per sample and
 * mapped by a dense layer with bias, {@code e = vec(A) W + b}, whose weights are parameters of the loss, trained with
 * the student. RepDistiller puts one on the student and one on the teacher and trains both ({@code train_student.py}
 * lines 211-218); so does this loss. Without an embedding (size 0) the flattened activation is used as it is.
 *
 * <p>PyTorch starts a {@code Linear}'s weights and bias uniform in {@code [-1/sqrt(in), 1/sqrt(in)]}; the kernel draws
 * normal values, so they start with the same variance, {@code N(0, 1/(3 in))}.
 *
 * <p>Parameter names and layouts, for tests that set them: {@code student-embedding.weight} {@code [D_s, size]},
 * {@code student-embedding.bias} {@code [size]}, and the same with {@code teacher-}.
 */
final class CorrelationCongruenceEmbedding {

    static final String STUDENT = "student-embedding";
    static final String TEACHER = "teacher-embedding";

    /**
     * @param activation a tap, batch first
     * @param elements   its size per sample
     * @param name       {@link #STUDENT} or {@link #TEACHER}
     * @param size       the embedding width; 0 for none
     * @return {@code [B, size]}, or {@code [B, elements]} without an embedding
     */
    static SDVariable apply(LossGraph graph, SDVariable activation, long elements, String name, int size) {
        SDVariable rows = activation.reshape(-1, elements);
        if (size == 0) {
            return rows;
        }
        ParameterInit init = ParameterInit.normal(Math.sqrt(1.0 / (3.0 * elements)));
        SDVariable weight = graph.parameter(name + ".weight", new long[] {elements, size}, init);
        SDVariable bias = graph.parameter(name + ".bias", new long[] {size}, init);
        return rows.mmul(weight).add(bias);
    }

    private CorrelationCongruenceEmbedding() {
    }
}
