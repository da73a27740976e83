package org.distill4j.plugin.darkrank;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The teacher's order of every query's candidates, by comparison rather than by sorting: a data-dependent sort has
 * no SameDiff gradient, and the teacher needs none. Candidate {@code k} comes before candidate {@code j} in query
 * {@code b}'s list when the teacher puts it nearer to {@code b}, or as near and earlier in the batch (the tie-break
 * that makes the order deterministic); the query itself is no candidate.
 */
final class DarkRankTeacherOrder {

    private final SDVariable candidates;
    private final SDVariable ahead;

    /**
     * @param distances teacher distances {@code [B, B]}
     * @param axes      unit axes for {@code [B, B]} matrices
     */
    DarkRankTeacherOrder(SameDiff sameDiff, SDVariable distances, DarkRankUnitAxes axes) {
        // fill, not onesLike, which logs a "No fields found for property name dtype" warning in M2.1.
        SDVariable ones = sameDiff.fill(sameDiff.shape(distances), distances.dataType(), 1.0);
        // Index grids from cumulative sums of ones, because the batch size is only known when the graph runs.
        SDVariable rowIndex = sameDiff.cumsum(ones, true, false, 0);
        SDVariable columnIndex = sameDiff.cumsum(ones, true, false, 1);
        this.candidates = sameDiff.neq(rowIndex, columnIndex).castTo(distances.dataType());
        SDVariable earlier = sameDiff.lt(columnIndex, rowIndex).castTo(distances.dataType());

        // Broadcasting products in float: M2.1's boolean and/or do not broadcast.
        SDVariable candidateDistance = axes.insert(distances, 2);
        SDVariable otherDistance = axes.insert(distances, 1);
        SDVariable nearer = sameDiff.lt(otherDistance, candidateDistance).castTo(distances.dataType());
        SDVariable tied = sameDiff.eq(otherDistance, candidateDistance).castTo(distances.dataType());
        this.ahead = nearer.add(tied.mul(axes.insert(earlier, 0))).mul(axes.insert(candidates, 1));
    }

    /** {@code [B, B]}: 1 where sample k is a candidate of query b, that is everywhere but the diagonal. */
    SDVariable candidates() {
        return candidates;
    }

    /** {@code [B, B, B]}: {@code ahead[b, j, k]} is 1 when candidate k comes before j in query b's list. */
    SDVariable ahead() {
        return ahead;
    }

    /**
     * {@code [B, B]}: each candidate's position in its query's list, 0 to {@code B - 2} (the number of candidates
     * ahead of it), and -1 for the query's own entry, which is in no list.
     */
    SDVariable ranks() {
        return ahead.sum(2).mul(candidates).sub(candidates.rsub(1.0));
    }
}
