package org.distill4j.plugin.darkrank;

import org.distill4j.testkit.EmbeddingDistances;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An independent, slow reference of both DarkRank losses in plain Java loops and double precision: the teacher's
 * list is sorted, and ListNet's orders are enumerated recursively and scored with the Plackett-Luce product itself.
 */
final class DarkRankReference {

    /** ListMLE, mean over queries; {@code listLength} 0 for the full list. */
    static double hard(double[][] student, double[][] teacher, double alpha, double beta, int listLength) {
        double[][] studentScores = scores(student, alpha, beta);
        double[][] teacherDistances = distances(teacher);
        double total = 0;
        for (int query = 0; query < student.length; query++) {
            double[] queryScores = studentScores[query];
            double[] scores = teacherOrder(teacherDistances, query, listLength).stream()
                    .mapToDouble(k -> queryScores[k]).toArray();
            int[] identity = new int[scores.length];
            for (int i = 0; i < identity.length; i++) {
                identity[i] = i;
            }
            total -= Math.log(plackettLuce(scores, identity));
        }
        return total / student.length;
    }

    /** ListNet's KL over every order of each query's {@code listLength} teacher-nearest candidates, mean over queries. */
    static double soft(double[][] student, double[][] teacher, double alpha, double beta, int listLength) {
        double[][] studentScores = scores(student, alpha, beta);
        double[][] teacherScores = scores(teacher, alpha, beta);
        double[][] teacherDistances = distances(teacher);
        double total = 0;
        for (int query = 0; query < student.length; query++) {
            List<Integer> list = teacherOrder(teacherDistances, query, listLength);
            double[] studentRow = studentScores[query];
            double[] teacherRow = teacherScores[query];
            double[] studentList = list.stream().mapToDouble(k -> studentRow[k]).toArray();
            double[] teacherList = list.stream().mapToDouble(k -> teacherRow[k]).toArray();
            for (int[] order : orders(list.size())) {
                double teacherProbability = plackettLuce(teacherList, order);
                total += teacherProbability * Math.log(teacherProbability / plackettLuce(studentList, order));
            }
        }
        return total / student.length;
    }

    /** The candidates of a query by ascending teacher distance, ties to the lower index, cut to the list length. */
    static List<Integer> teacherOrder(double[][] teacherDistances, int query, int listLength) {
        List<Integer> candidates = new ArrayList<>();
        for (int k = 0; k < teacherDistances.length; k++) {
            if (k != query) {
                candidates.add(k);
            }
        }
        candidates.sort(Comparator.<Integer>comparingDouble(k -> teacherDistances[query][k])
                .thenComparingInt(k -> k));
        return listLength > 0 && listLength < candidates.size() ? candidates.subList(0, listLength) : candidates;
    }

    /** {@code prod_i exp(s[order[i]]) / sum_{k >= i} exp(s[order[k]])}, directly. */
    static double plackettLuce(double[] scores, int[] order) {
        double probability = 1;
        for (int i = 0; i < order.length; i++) {
            double rest = 0;
            for (int k = i; k < order.length; k++) {
                rest += Math.exp(scores[order[k]]);
            }
            probability *= Math.exp(scores[order[i]]) / rest;
        }
        return probability;
    }

    static List<int[]> orders(int length) {
        List<int[]> orders = new ArrayList<>();
        collect(new ArrayList<>(), length, orders);
        return orders;
    }

    static double[][] distances(double[][] embeddings) {
        return EmbeddingDistances.of(embeddings);
    }

    private static double[][] scores(double[][] embeddings, double alpha, double beta) {
        double[][] distances = distances(embeddings);
        double[][] scores = new double[distances.length][distances.length];
        for (int a = 0; a < distances.length; a++) {
            for (int b = 0; b < distances.length; b++) {
                scores[a][b] = -alpha * Math.pow(distances[a][b], beta);
            }
        }
        return scores;
    }

    private static void collect(List<Integer> prefix, int length, List<int[]> orders) {
        if (prefix.size() == length) {
            orders.add(prefix.stream().mapToInt(Integer::intValue).toArray());
            return;
        }
        for (int item = 0; item < length; item++) {
            if (!prefix.contains(item)) {
                prefix.add(item);
                collect(prefix, length, orders);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    private DarkRankReference() {
    }
}
