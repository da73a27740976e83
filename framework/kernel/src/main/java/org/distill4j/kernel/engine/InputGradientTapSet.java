package org.distill4j.kernel.engine;

import org.distill4j.api.Distiller;
import org.distill4j.api.InputGradientTap;
import org.distill4j.api.InputGradients;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The input-gradient taps of one experiment, by name: the kernel's {@link InputGradients#INPUT_GRADIENT} (the
 * gradient at the batch itself, for the student and the teacher) and the student taps its distillers define
 * ({@link Distiller#inputGradientTaps()}), each the gradient at a transformed batch. They are not vertices: the step
 * computes them ({@link InputGradientTerm}) and their shape is the input image's. Immutable.
 */
public final class InputGradientTapSet {

    private static final InputGradientTap BUILT_IN = new InputGradientTap(InputGradients.INPUT_GRADIENT,
            UnaryOperator.identity());

    private final Map<String, InputGradientTap> taps;
    // The distiller that defines each tap; the built-in tap has none.
    private final Map<String, String> definers;

    private InputGradientTapSet(Map<String, InputGradientTap> taps, Map<String, String> definers) {
        this.taps = Collections.unmodifiableMap(taps);
        this.definers = Collections.unmodifiableMap(definers);
    }

    /** Only the kernel's {@link InputGradients#INPUT_GRADIENT}. */
    public static InputGradientTapSet builtIn() {
        return new InputGradientTapSet(new LinkedHashMap<>(Map.of(BUILT_IN.name(), BUILT_IN)), Map.of());
    }

    /** The built-in tap and those the objectives' distillers define; see {@link #with} for the errors. */
    public static InputGradientTapSet of(List<Objective> objectives) {
        InputGradientTapSet set = builtIn();
        for (Objective objective : objectives) {
            set = set.with(objective.name(), objective.distiller());
        }
        return set;
    }

    /**
     * This set and the taps a distiller defines. The same distiller name may come again (a distiller listed twice,
     * or in several stages): its taps are then the ones already known.
     *
     * @throws IllegalArgumentException when a tap is named {@code input.gradient}, or another distiller of the
     *                                  experiment already defines a tap of the same name
     */
    public InputGradientTapSet with(String distillerName, Distiller distiller) {
        Map<String, InputGradientTap> combined = new LinkedHashMap<>(taps);
        Map<String, String> combinedDefiners = new LinkedHashMap<>(definers);
        Set<String> own = new HashSet<>();
        for (InputGradientTap tap : distiller.inputGradientTaps()) {
            if (tap.name().equals(InputGradients.INPUT_GRADIENT)) {
                throw new IllegalArgumentException("distiller '" + distillerName + "' defines an input-gradient tap '"
                        + tap.name() + "', which is the kernel's own tap (the gradient at the batch itself); give"
                        + " the transformed one another name");
            }
            if (!own.add(tap.name())) {
                throw new IllegalArgumentException("distiller '" + distillerName + "' defines the input-gradient tap '"
                        + tap.name() + "' twice; each tap needs a name of its own");
            }
            String definer = combinedDefiners.get(tap.name());
            if (definer != null && !definer.equals(distillerName)) {
                throw new IllegalArgumentException("distillers '" + definer + "' and '" + distillerName + "' both"
                        + " define the input-gradient tap '" + tap.name() + "'; a tap name means one transform in an"
                        + " experiment, so one of the plugins must name its tap differently");
            }
            if (definer == null) {
                combined.put(tap.name(), tap);
                combinedDefiners.put(tap.name(), distillerName);
            }
        }
        return new InputGradientTapSet(combined, combinedDefiners);
    }

    /** Whether a tap name is an input-gradient tap of the experiment rather than a vertex. */
    public boolean contains(String tap) {
        return taps.containsKey(tap);
    }

    /** Every tap's name, the built-in one first. */
    public Set<String> names() {
        return taps.keySet();
    }

    /** The taps among {@code names}, in their order; names that are no input-gradient taps are left out. */
    public List<InputGradientTap> taps(Collection<String> names) {
        List<InputGradientTap> found = new ArrayList<>();
        names.stream().map(taps::get).filter(tap -> tap != null).forEach(found::add);
        return found;
    }

    /**
     * Why a distiller cannot read a tap from the teacher, or empty when it can as far as input gradients go: the
     * taps distillers define are the student's only.
     */
    public Optional<String> teacherProblem(String distillerName, String tap) {
        String definer = definers.get(tap);
        if (definer == null) {
            return Optional.empty();
        }
        return Optional.of("distiller '" + distillerName + "' reads the teacher's '" + tap + "', an input-gradient tap"
                + " that distiller '" + definer + "' defines for the student only; read the teacher's '"
                + InputGradients.INPUT_GRADIENT + "' and transform it in the loss");
    }
}
