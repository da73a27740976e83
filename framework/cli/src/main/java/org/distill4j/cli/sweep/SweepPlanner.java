package org.distill4j.cli.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Plans a sweep: one job per (variant, seed) whose run is not DONE, teachers before their students.
 *
 * <p>A run whose experiment teaches other planned runs (directly, or through a teacher that is not planned itself)
 * is ranked above them, so teachers start first and students find them DONE. A teacher that is not among the
 * variants is not planned as a job of its own: the first job that needs it trains it through the run engine, and the
 * other jobs that need it wait for that job rather than occupy a slot blocked on the teacher's run lock.
 */
public final class SweepPlanner {

    private final RunStates states;

    public SweepPlanner(RunStates states) {
        this.states = Objects.requireNonNull(states, "states");
    }

    /**
     * @param variants the resolved variants, in the order given; variants that resolve to the same identity are
     *                 planned once
     * @param seeds    which of each experiment's seeds to run
     */
    public SweepPlan plan(List<ResolvedVariant> variants, LongPredicate seeds) {
        Map<RunKey, Candidate> candidates = new LinkedHashMap<>();
        Set<RunKey> alreadyDone = new LinkedHashSet<>();
        for (ResolvedVariant variant : variants) {
            for (long seed : variant.experiment().seeds()) {
                RunKey run = RunKey.of(variant.experiment(), seed);
                if (!seeds.test(seed) || candidates.containsKey(run)) {
                    continue;
                }
                if (states.isDone(run)) {
                    alreadyDone.add(run);
                } else {
                    candidates.put(run, new Candidate(variant.variant(), run, TeacherChain.of(variant.experiment(), seed),
                            candidates.size()));
                }
            }
        }
        List<Candidate> ordered = teachersFirst(candidates);
        List<SweepJob> jobs = new ArrayList<>();
        for (Candidate candidate : ordered) {
            jobs.add(prerequisites(candidate, candidates, ordered));
        }
        return new SweepPlan(jobs, List.copyOf(alreadyDone));
    }

    // Rank: 0 for a run nothing planned depends on, else one more than the highest rank of the runs that need it.
    // A teacher's chain is a proper suffix of its student's chain, so visiting the longest chains first finishes
    // every student's rank before it is used.
    private static List<Candidate> teachersFirst(Map<RunKey, Candidate> candidates) {
        Map<RunKey, Integer> ranks = new HashMap<>();
        List<Candidate> byChainLength = new ArrayList<>(candidates.values());
        byChainLength.sort(Comparator.comparingInt((Candidate candidate) -> candidate.chain().size()).reversed());
        for (Candidate candidate : byChainLength) {
            int rank = ranks.getOrDefault(candidate.run(), 0);
            for (RunKey teacher : candidate.chain()) {
                if (candidates.containsKey(teacher)) {
                    ranks.merge(teacher, rank + 1, Math::max);
                }
            }
        }
        List<Candidate> ordered = new ArrayList<>(candidates.values());
        ordered.sort(Comparator.comparingInt((Candidate candidate) -> ranks.getOrDefault(candidate.run(), 0)).reversed()
                .thenComparingInt(Candidate::position));
        return List.copyOf(ordered);
    }

    // Every dependency points to a job earlier in the order: planned teachers rank higher, and an unplanned teacher
    // is trained by the first job in the order that needs it.
    private SweepJob prerequisites(Candidate candidate, Map<RunKey, Candidate> candidates, List<Candidate> ordered) {
        Set<RunKey> teachers = new LinkedHashSet<>();
        Set<RunKey> waitsFor = new LinkedHashSet<>();
        Set<RunKey> seen = new HashSet<>();
        for (RunKey teacher : candidate.chain()) {
            if (!seen.add(teacher)) {
                continue;
            }
            if (candidates.containsKey(teacher)) {
                teachers.add(teacher);
            } else if (!states.hasModel(teacher)) {
                RunKey trainer = ordered.stream().filter(other -> other.chain().contains(teacher)).findFirst()
                        .orElseThrow().run();
                if (!trainer.equals(candidate.run())) {
                    waitsFor.add(trainer);
                }
            }
        }
        waitsFor.removeAll(teachers);
        return new SweepJob(candidate.variant(), candidate.run(), List.copyOf(teachers), List.copyOf(waitsFor),
                candidate.chain());
    }

    /** A run to make, before ordering. */
    private record Candidate(Variant variant, RunKey run, List<RunKey> chain, int position) {
    }
}
