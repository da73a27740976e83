package org.distill4j.cli;

import jakarta.inject.Inject;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.distill4j.kernel.run.ExperimentRunner;
import org.distill4j.kernel.run.RunStore;

import java.util.Objects;

/**
 * Makes the run engine for {@code run} and {@code rerun}: the kernel's components, a results folder of the command's
 * choosing, progress on standard output (redrawn in place only on a terminal).
 */
final class ExperimentRunners {

    private final ComponentFactory factory;
    private final ComponentRegistry registry;

    @Inject
    ExperimentRunners(ComponentFactory factory, ComponentRegistry registry) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** A runner that writes its runs into the given store. */
    ExperimentRunner into(RunStore store) {
        return new ExperimentRunner(factory, registry, store, System.out, System.console() != null);
    }
}
