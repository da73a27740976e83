package org.distill4j.kernel.retrieval;

import org.distill4j.kernel.records.RetrievalScores;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Recall@K and mean average precision of a set of embeddings that retrieve each other, the protocol of the deep
 * metric learning benchmarks (CUB-200, Cars-196): every image is a query, every other image a candidate, ranked by
 * ascending Euclidean distance of the L2-normalised embeddings; a candidate is relevant when it has the query's class.
 *
 * <ul>
 *   <li>Recall@K: the share of queries with a relevant candidate among their K nearest.</li>
 *   <li>mAP: the mean over queries of the average precision, {@code (1/R) sum_i i / rank_i} over the query's R
 *       relevant candidates in rank order.</li>
 * </ul>
 *
 * A query whose class has no other image is left out of both. A candidate at exactly the distance of a relevant one
 * ranks before it when it is irrelevant: ties count against the query, so no metric is flattered by them.
 */
public final class RetrievalMetrics {

    private static final int CHUNK = 512;

    private RetrievalMetrics() {
    }

    /** The metrics as {@code recall-at-K} (for each K, in order) and {@code map}, each in [0, 1]. */
    public record Result(Map<Integer, Double> recall, double meanAveragePrecision, int queries) {

        public Result {
            recall = Map.copyOf(recall);
        }

        /** The record {@code metrics.json} holds: {@code recall-at-K} for each K, {@code map}, {@code queries}. */
        public RetrievalScores scores() {
            return new RetrievalScores(recall, meanAveragePrecision, queries);
        }
    }

    /**
     * @param embeddings {@code [n, d]}, one row per image; normalised here to unit length
     * @param labels     the class of each row
     * @param recallAt   the K of the Recall@K, each >= 1
     */
    public static Result of(INDArray embeddings, int[] labels, List<Integer> recallAt) {
        Objects.requireNonNull(embeddings, "embeddings");
        if (embeddings.rank() != 2 || embeddings.size(0) != labels.length) {
            throw new IllegalArgumentException("expected [" + labels.length + ", d] embeddings, got "
                    + Arrays.toString(embeddings.shape()));
        }
        int n = labels.length;
        INDArray unit = normalise(embeddings.castTo(DataType.DOUBLE));
        long[] found = new long[recallAt.size()];
        double precisionSum = 0;
        int queries = 0;
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            // For unit vectors the distance ||q - x||^2 = 2 - 2 q.x falls as the similarity q.x rises.
            double[][] similarity = unit.get(NDArrayIndex.interval(start, end), NDArrayIndex.all())
                    .mmul(unit.transpose()).toDoubleMatrix();
            for (int row = 0; row < end - start; row++) {
                int query = start + row;
                Query ranked = Query.of(similarity[row], labels, query);
                if (ranked.relevant.length == 0) {
                    continue;
                }
                queries++;
                int firstRank = ranked.rank(0);
                for (int i = 0; i < found.length; i++) {
                    if (firstRank <= recallAt.get(i)) {
                        found[i]++;
                    }
                }
                precisionSum += ranked.averagePrecision();
            }
        }
        Map<Integer, Double> recall = new LinkedHashMap<>();
        for (int i = 0; i < found.length; i++) {
            recall.put(recallAt.get(i), queries == 0 ? Double.NaN : (double) found[i] / queries);
        }
        return new Result(recall, queries == 0 ? Double.NaN : precisionSum / queries, queries);
    }

    private static INDArray normalise(INDArray rows) {
        INDArray norms = rows.norm2(1).reshape(rows.size(0), 1);
        return rows.divColumnVector(norms.add(1e-12));
    }

    /** One query's candidates split into relevant and irrelevant similarities, each sorted in descending order. */
    private static final class Query {
        private final double[] relevant;
        private final double[] irrelevant;

        private Query(double[] relevant, double[] irrelevant) {
            this.relevant = relevant;
            this.irrelevant = irrelevant;
        }

        static Query of(double[] similarity, int[] labels, int query) {
            int relevantCount = 0;
            for (int i = 0; i < labels.length; i++) {
                if (i != query && labels[i] == labels[query]) {
                    relevantCount++;
                }
            }
            double[] relevant = new double[relevantCount];
            double[] irrelevant = new double[labels.length - 1 - relevantCount];
            int r = 0;
            int s = 0;
            for (int i = 0; i < labels.length; i++) {
                if (i == query) {
                    continue;
                }
                if (labels[i] == labels[query]) {
                    relevant[r++] = -similarity[i];
                } else {
                    irrelevant[s++] = -similarity[i];
                }
            }
            // Sorted ascending by negated similarity: nearest first.
            Arrays.sort(relevant);
            Arrays.sort(irrelevant);
            return new Query(relevant, irrelevant);
        }

        /** The 1-based rank of the i-th nearest relevant candidate. */
        int rank(int i) {
            return i + 1 + irrelevantAtOrBefore(relevant[i]);
        }

        double averagePrecision() {
            double sum = 0;
            for (int i = 0; i < relevant.length; i++) {
                sum += (i + 1) / (double) rank(i);
            }
            return sum / relevant.length;
        }

        /** Irrelevant candidates at most this far (negated similarity <= value). */
        private int irrelevantAtOrBefore(double value) {
            int low = 0;
            int high = irrelevant.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (irrelevant[middle] <= value) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }
}
