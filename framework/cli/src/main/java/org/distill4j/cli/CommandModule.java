package org.distill4j.cli;

import com.google.inject.AbstractModule;

/** The command line's bindings, beside the kernel's. Bindings only. */
final class CommandModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ExperimentRunners.class);
    }
}
