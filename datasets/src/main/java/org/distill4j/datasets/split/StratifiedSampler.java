package org.distill4j.datasets.split;

import java.util.Arrays;
import java.util.Random;

/**
 * Draws class-stratified subsets deterministically from a seed. This is the published split rule; changing it
 * changes every experiment's data, so it is written out here in full:
 *
 * <ol>
 *   <li><b>Quotas.</b> To draw {@code k} of {@code N} images where class {@code c} has {@code n_c}, class {@code c}
 *       gets {@code floor(k * n_c / N)} images; the {@code k - sum} images left over go one each to the classes
 *       with the largest remainders {@code (k * n_c) mod N}, ties to the lower class index (largest-remainder
 *       apportionment). Each class's count is thus within one image of its exact share {@code k * n_c / N}.</li>
 *   <li><b>Images.</b> The indices of class {@code c}, in pool order, are shuffled with a {@link java.util.Random}
 *       seeded with {@code streamSeed(seed, stage, c)} by Fisher-Yates from the back ({@code for i = n-1 .. 1:
 *       swap(i, random.nextInt(i + 1))}); the first quota of them are drawn.</li>
 *   <li><b>Order.</b> The drawn indices are returned in ascending pool order (the file's order).</li>
 * </ol>
 *
 * <p>{@code streamSeed(seed, stage, c) = mix(mix(seed + stage.number() * 0x9E3779B97F4A7C15) + c)}, where
 * {@code mix} is the SplitMix64 finaliser ({@link #mix(long)}); all arithmetic wraps at 64 bits. {@code Random}'s
 * algorithm is fixed by its specification, so the draw is the same on every JVM.
 *
 * <p>A load applies the rule three times: the training subset ({@link SplitStage#TRAIN_SUBSET}) from the training
 * file, the validation hold-out ({@link SplitStage#VALIDATION}) from that subset, the rest being the training split,
 * and the test subset ({@link SplitStage#TEST_SUBSET}) from the test file. When {@code k = N} every image is drawn.
 */
public final class StratifiedSampler {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /**
     * Draws {@code count} indices into {@code labels}, stratified by class.
     *
     * @param labels  class of each pool image, each in {@code [0, classes)}
     * @param classes number of classes
     * @param count   how many to draw, at most {@code labels.length}
     * @return the drawn indices, ascending
     */
    public static int[] sample(int[] labels, int classes, int count, long seed, SplitStage stage) {
        if (count < 0 || count > labels.length) {
            throw new IllegalArgumentException("cannot draw " + count + " of " + labels.length + " images");
        }
        int[][] members = membersByClass(labels, classes);
        int[] quotas = quotas(classCounts(members), count);
        int[] drawn = new int[count];
        int next = 0;
        for (int label = 0; label < classes; label++) {
            int[] shuffled = members[label].clone();
            shuffle(shuffled, new Random(streamSeed(seed, stage, label)));
            System.arraycopy(shuffled, 0, drawn, next, quotas[label]);
            next += quotas[label];
        }
        Arrays.sort(drawn);
        return drawn;
    }

    /** Largest-remainder quotas: how many images each class gives when {@code count} are drawn. */
    public static int[] quotas(int[] classCounts, int count) {
        long total = 0;
        for (int classCount : classCounts) {
            total += classCount;
        }
        if (count > total) {
            throw new IllegalArgumentException("cannot draw " + count + " of " + total + " images");
        }
        int[] quotas = new int[classCounts.length];
        long[] remainders = new long[classCounts.length];
        int assigned = 0;
        for (int label = 0; label < classCounts.length; label++) {
            long product = (long) count * classCounts[label];
            quotas[label] = total == 0 ? 0 : (int) (product / total);
            remainders[label] = total == 0 ? 0 : product % total;
            assigned += quotas[label];
        }
        for (int leftOver = count - assigned; leftOver > 0; leftOver--) {
            int best = -1;
            for (int label = 0; label < classCounts.length; label++) {
                if (remainders[label] >= 0 && (best < 0 || remainders[label] > remainders[best])) {
                    best = label;
                }
            }
            quotas[best]++;
            // Each class takes at most one left-over image.
            remainders[best] = -1;
        }
        return quotas;
    }

    /** The positions {@code 0 .. size-1} that are not in {@code drawn}, in ascending order. */
    public static int[] complement(int size, int[] drawn) {
        boolean[] taken = new boolean[size];
        for (int index : drawn) {
            taken[index] = true;
        }
        int[] rest = new int[size - drawn.length];
        int next = 0;
        for (int index = 0; index < size; index++) {
            if (!taken[index]) {
                rest[next++] = index;
            }
        }
        return rest;
    }

    /** The seed of one class's draw in one stage (see the class comment). */
    public static long streamSeed(long seed, SplitStage stage, int label) {
        return mix(mix(seed + stage.number() * GOLDEN_GAMMA) + label);
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014): spreads nearby seeds far apart. */
    public static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int[][] membersByClass(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int image = 0; image < labels.length; image++) {
            int label = labels[image];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " of image " + image + " is not in [0, "
                        + classes + ")");
            }
            counts[label]++;
        }
        int[][] members = new int[classes][];
        for (int label = 0; label < classes; label++) {
            members[label] = new int[counts[label]];
        }
        int[] filled = new int[classes];
        for (int image = 0; image < labels.length; image++) {
            members[labels[image]][filled[labels[image]]++] = image;
        }
        return members;
    }

    private static int[] classCounts(int[][] members) {
        int[] counts = new int[members.length];
        for (int label = 0; label < members.length; label++) {
            counts[label] = members[label].length;
        }
        return counts;
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
    }

    private StratifiedSampler() {
    }
}
