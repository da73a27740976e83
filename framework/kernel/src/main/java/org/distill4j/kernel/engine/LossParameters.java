package org.distill4j.kernel.engine;

import org.distill4j.api.ParameterInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The trainable parameters a compiled loss owns ({@link org.distill4j.api.LossGraph#parameter}): SameDiff variables
 * whose values live in the loss's graph, by name (prefixed with the distiller's name when the loss has several).
 *
 * <p>Values are initialised when declared (from seed 0, so a loss evaluated outside training is deterministic) and
 * again by {@link Trainer} from the run's seed at the start of every stage; {@link LossParameterUpdater} then
 * changes them in place. They are never part of the student's model.
 */
public final class LossParameters {

    /** The seed of the values a parameter has before any training stage initialises it. */
    static final long DECLARATION_SEED = 0;

    private static final String VARIABLE_PREFIX = "distill4j_parameter_";

    private final SameDiff sameDiff;
    private final Map<String, Declared> declared = new LinkedHashMap<>();

    /** One parameter: its SameDiff variable and how to draw its values. */
    private record Declared(String variable, ParameterInit init) {
    }

    LossParameters(SameDiff sameDiff) {
        this.sameDiff = Objects.requireNonNull(sameDiff, "sameDiff");
    }

    /**
     * Adds a parameter to the graph with values drawn from {@link #DECLARATION_SEED}.
     *
     * @param name      the public name, already prefixed
     * @param objective the distiller declaring it, for error messages
     */
    SDVariable declare(String name, String objective, long[] shape, ParameterInit init, DataType dataType) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(init, "init");
        if (declared.containsKey(name)) {
            throw new IllegalArgumentException(objective + " declares loss parameter '" + name + "' twice; give each"
                    + " parameter of a distiller its own name");
        }
        if (shape.length == 0 || Arrays.stream(shape).anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException(objective + " declares loss parameter '" + name + "' with shape "
                    + Arrays.toString(shape) + "; a parameter needs at least one dimension and every size >= 1");
        }
        String variable = VARIABLE_PREFIX + declared.size();
        SDVariable parameter = sameDiff.var(variable, draw(name, init, shape, dataType, DECLARATION_SEED));
        declared.put(name, new Declared(variable, init));
        return parameter;
    }

    /** Parameter names, in declaration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(declared.keySet());
    }

    public boolean isEmpty() {
        return declared.isEmpty();
    }

    /** The live values of a parameter: writing to them changes the loss. */
    public INDArray value(String name) {
        return sameDiff.getArrForVarName(lookup(name).variable());
    }

    /** Every parameter's live values, in declaration order. */
    public Map<String, INDArray> values() {
        Map<String, INDArray> values = new LinkedHashMap<>();
        declared.keySet().forEach(name -> values.put(name, value(name)));
        return values;
    }

    /** Overwrites a parameter's values (cast to the loss's precision); the shape must be the declared one. */
    public void set(String name, INDArray values) {
        INDArray current = value(name);
        if (!Arrays.equals(current.shape(), values.shape())) {
            throw new IllegalArgumentException("loss parameter '" + name + "' has shape "
                    + Arrays.toString(current.shape()) + ", got values of shape " + Arrays.toString(values.shape()));
        }
        current.assign(values.castTo(current.dataType()));
    }

    /**
     * Draws every parameter's values afresh as its {@link ParameterInit} says, each from its own generator seeded by
     * {@code seed} and its name: the same seed gives the same values whatever the other parameters are.
     */
    public void initialise(long seed) {
        declared.forEach((name, parameter) -> {
            INDArray current = value(name);
            current.assign(draw(name, parameter.init(), current.shape(), current.dataType(), seed));
        });
    }

    /** SameDiff variable names, in declaration order: the loss asks for their gradients. */
    List<String> variables() {
        return declared.values().stream().map(Declared::variable).toList();
    }

    String variable(String name) {
        return lookup(name).variable();
    }

    private Declared lookup(String name) {
        Declared parameter = declared.get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("the loss has no parameter '" + name + "'; its parameters: "
                    + declared.keySet());
        }
        return parameter;
    }

    private static INDArray draw(String name, ParameterInit init, long[] shape, DataType dataType, long seed) {
        long length = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        double[] values = new double[Math.toIntExact(length)];
        if (init.standardDeviation() == 0) {
            Arrays.fill(values, init.mean());
        } else {
            // The name enters the seed so that adding a parameter does not shift another's draws.
            Random random = new Random(seed * 0x9E3779B97F4A7C15L + name.hashCode());
            for (int i = 0; i < values.length; i++) {
                values[i] = init.mean() + init.standardDeviation() * random.nextGaussian();
            }
        }
        return Nd4j.create(values, shape, DataType.DOUBLE).castTo(dataType);
    }
}
