package org.distill4j.kernel.run;

import org.distill4j.api.Distiller;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.descriptor.WeightedDistiller;
import org.distill4j.kernel.engine.InputGradientTapSet;
import org.distill4j.kernel.engine.Objective;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The losses of a run, created once: the main training's, each earlier stage's, and the taps they read.
 *
 * @param main        the main training's objectives
 * @param stages      each earlier stage's objectives, in order
 * @param teacherTaps the teacher vertices any objective reads (the input-gradient tap included)
 * @param studentTaps the student vertices the graph outputs: what any objective reads (input-gradient taps are no
 *                    vertices and are left out) and a retrieval task's embedding
 */
record RunObjectives(List<Objective> main, List<List<Objective>> stages, Set<String> teacherTaps,
        Set<String> studentTaps) {

    RunObjectives {
        main = List.copyOf(main);
        stages = List.copyOf(stages);
        // Ordered: the taps become graph outputs and inference requests in this order.
        teacherTaps = Collections.unmodifiableSet(new LinkedHashSet<>(teacherTaps));
        studentTaps = Collections.unmodifiableSet(new LinkedHashSet<>(studentTaps));
    }

    static RunObjectives of(ResolvedExperiment experiment, RunComponents components) {
        List<Objective> main = objectives(experiment.distillers(), components);
        List<List<Objective>> stages = experiment.stages().stream()
                .map(stage -> objectives(stage.distillers(), components)).toList();
        List<Objective> every = new ArrayList<>(main);
        stages.forEach(every::addAll);
        // Fails early, before any network is built, when two distillers define one input-gradient tap name.
        InputGradientTapSet.of(every);
        Set<String> teacherTaps = new LinkedHashSet<>();
        every.forEach(objective -> teacherTaps.addAll(objective.distiller().teacherTaps()));
        // One graph outputs the taps of every stage; a stage's loss gives zero gradient to the taps it does not read.
        Set<String> studentTaps = studentTaps(every);
        // A retrieval task reads the embedding even when no loss does; as an output it stays in every forward pass.
        experiment.retrieval().ifPresent(task -> studentTaps.add(task.embedding()));
        return new RunObjectives(main, stages, teacherTaps, studentTaps);
    }

    /** The vertices the objectives read from the student; the input-gradient taps are computed by the step. */
    static Set<String> studentTaps(List<Objective> objectives) {
        Set<String> taps = new LinkedHashSet<>();
        objectives.forEach(objective -> taps.addAll(objective.distiller().studentTaps()));
        taps.removeIf(InputGradientTapSet.of(objectives)::contains);
        return taps;
    }

    private static List<Objective> objectives(List<WeightedDistiller> distillers, RunComponents components) {
        return distillers.stream().map(weighted -> new Objective(weighted.distiller().name(),
                components.create(weighted.distiller(), Distiller.class), weighted.weight())).toList();
    }
}
