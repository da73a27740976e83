package org.distill4j.plugin.decoupledkd;

/**
 * An independent, slow implementation of mdistiller's {@code dkd_loss} and {@code DKD.forward_train} in plain double
 * loops, written from the Python code rather than from the SameDiff graph. Probabilities are handled as logarithms
 * (log-sum-exp per sample) so that the large logit gaps of the edge-case tests stay representable.
 */
final class DecoupledKdReference {

    /** The loss of {@code DKD.forward_train} at an epoch counted from 1. */
    static double loss(DecoupledKdParams params, int epoch, double[][] student, double[][] teacher, int[] labels) {
        double temperature = params.temperature();
        double warmup = Math.min((double) epoch / params.warmup(), 1.0);
        return params.ceWeight() * crossEntropy(student, labels)
                + warmup * (params.alpha() * targetClass(student, teacher, labels, temperature)
                        + params.beta() * nonTargetClass(student, teacher, labels, temperature));
    }

    /** Mean over samples of {@code -log softmax(z)[y]}. */
    static double crossEntropy(double[][] logits, int[] labels) {
        double total = 0;
        for (int b = 0; b < logits.length; b++) {
            total -= logSoftmax(logits[b], 1, -1)[labels[b]];
        }
        return total / logits.length;
    }

    /** TCKD with its T^2: KL of the binary [target, rest] distributions, summed over the batch and divided by B. */
    static double targetClass(double[][] student, double[][] teacher, int[] labels, double temperature) {
        double total = 0;
        for (int b = 0; b < student.length; b++) {
            double[] studentBinary = binaryLog(student[b], labels[b], temperature);
            double[] teacherBinary = binaryLog(teacher[b], labels[b], temperature);
            for (int k = 0; k < 2; k++) {
                total += Math.exp(teacherBinary[k]) * (teacherBinary[k] - studentBinary[k]);
            }
        }
        return total * temperature * temperature / student.length;
    }

    /**
     * NCKD with its T^2, as mdistiller computes it: KL of {@code softmax(z/T - 1000 gt_mask)} of teacher and student,
     * summed over the batch and divided by B.
     */
    static double nonTargetClass(double[][] student, double[][] teacher, int[] labels, double temperature) {
        double total = 0;
        for (int b = 0; b < student.length; b++) {
            double[] studentLog = logSoftmax(student[b], temperature, labels[b]);
            double[] teacherLog = logSoftmax(teacher[b], temperature, labels[b]);
            for (int i = 0; i < studentLog.length; i++) {
                total += Math.exp(teacherLog[i]) * (teacherLog[i] - studentLog[i]);
            }
        }
        return total * temperature * temperature / student.length;
    }

    /**
     * NCKD with its T^2 as the paper defines it: KL of the teacher's and the student's tempered probabilities over
     * the non-target classes only, renormalised (the target class removed exactly, no 1000 offset).
     */
    static double nonTargetClassExact(double[][] student, double[][] teacher, int[] labels, double temperature) {
        double total = 0;
        for (int b = 0; b < student.length; b++) {
            double[] studentOthers = withoutTarget(student[b], labels[b]);
            double[] teacherOthers = withoutTarget(teacher[b], labels[b]);
            double[] studentLog = logSoftmax(studentOthers, temperature, -1);
            double[] teacherLog = logSoftmax(teacherOthers, temperature, -1);
            for (int i = 0; i < studentLog.length; i++) {
                total += Math.exp(teacherLog[i]) * (teacherLog[i] - studentLog[i]);
            }
        }
        return total * temperature * temperature / student.length;
    }

    /** Hinton's soft term with T^2: T^2 times the mean over samples of KL(softmax(t/T) || softmax(s/T)). */
    static double kullbackLeibler(double[][] student, double[][] teacher, double temperature) {
        double total = 0;
        for (int b = 0; b < student.length; b++) {
            double[] studentLog = logSoftmax(student[b], temperature, -1);
            double[] teacherLog = logSoftmax(teacher[b], temperature, -1);
            for (int i = 0; i < studentLog.length; i++) {
                total += Math.exp(teacherLog[i]) * (teacherLog[i] - studentLog[i]);
            }
        }
        return total * temperature * temperature / student.length;
    }

    /** The tempered probability of the target class. */
    static double targetProbability(double[] logits, int label, double temperature) {
        return Math.exp(logSoftmax(logits, temperature, -1)[label]);
    }

    /** {@code [log p_target, log (sum of the other probabilities)]} at temperature T. */
    private static double[] binaryLog(double[] logits, int label, double temperature) {
        double all = logSumExp(logits, temperature, -1);
        double others = logSumExp(withoutTarget(logits, label), temperature, -1);
        return new double[] {logits[label] / temperature - all, others - all};
    }

    /** {@code log softmax(z / T - 1000 [i == masked])}; no offset when {@code masked} is -1. */
    private static double[] logSoftmax(double[] logits, double temperature, int masked) {
        double normaliser = logSumExp(logits, temperature, masked);
        double[] result = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            result[i] = tempered(logits, i, temperature, masked) - normaliser;
        }
        return result;
    }

    private static double logSumExp(double[] logits, double temperature, int masked) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            max = Math.max(max, tempered(logits, i, temperature, masked));
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            sum += Math.exp(tempered(logits, i, temperature, masked) - max);
        }
        return max + Math.log(sum);
    }

    private static double tempered(double[] logits, int i, double temperature, int masked) {
        return logits[i] / temperature - (i == masked ? 1000.0 : 0.0);
    }

    private static double[] withoutTarget(double[] logits, int label) {
        double[] others = new double[logits.length - 1];
        for (int i = 0, j = 0; i < logits.length; i++) {
            if (i != label) {
                others[j++] = logits[i];
            }
        }
        return others;
    }

    private DecoupledKdReference() {
    }
}
