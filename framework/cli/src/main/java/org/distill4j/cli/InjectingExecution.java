package org.distill4j.cli;

import com.google.inject.spi.InjectionPoint;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

import java.util.List;
import java.util.Objects;

/**
 * Executes the parsed command as picocli's {@link RunLast} does, after Guice has injected the command's
 * {@code @Inject} fields from the {@link CommandKernel}; a command without any starts no kernel.
 *
 * <p>Injection waits until execution rather than happening in a picocli factory: picocli creates commands while it
 * builds the command line (those with mixins) and parses it, so a factory would start the kernel for
 * {@code --version} and {@code --help}, and a kernel that cannot start (no plugins, two plugins claiming a name) would
 * end in picocli's stack trace; failing here, it ends in the command line's message and exit status 1.
 */
final class InjectingExecution implements IExecutionStrategy {

    private final CommandKernel kernel;

    InjectingExecution(CommandKernel kernel) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
    }

    @Override
    public int execute(ParseResult parseResult) {
        List<CommandLine> parsed = parseResult.asCommandLineList();
        CommandLine executed = parsed.get(parsed.size() - 1);
        boolean helpOnly = parsed.stream()
                .anyMatch(each -> each.isUsageHelpRequested() || each.isVersionHelpRequested());
        Object command = executed.getCommand();
        if (!helpOnly && !InjectionPoint.forInstanceMethodsAndFields(command.getClass()).isEmpty()) {
            try {
                kernel.injector().injectMembers(command);
            } catch (RuntimeException e) {
                throw new ExecutionException(executed, e.getMessage(), e);
            }
        }
        return new RunLast().execute(parseResult);
    }
}
