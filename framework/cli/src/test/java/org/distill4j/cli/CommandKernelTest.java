package org.distill4j.cli;

import org.distill4j.api.Distill4jPlugin;
import org.distill4j.kernel.builtin.KernelPlugin;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands get the kernel's services injected; the kernel starts once, only for commands that need it. */
class CommandKernelTest {

    @Test
    void aCommandThatNeedsComponentsFailsWithWhatIsMissingWhereItLookedAndHowToFixIt(@TempDir Path directory) {
        CommandKernel onlyTheKernelsOwnPlugin = new CommandKernel(() -> List.of(new KernelPlugin()));

        CommandOutput output = CommandOutput.run(Distill4jCommand.commandLine(onlyTheKernelsOwnPlugin),
                "validate", directory.toString());

        assertThat(output.exitCode()).as(output.all()).isEqualTo(1);
        assertThat(output.errors())
                .startsWith("distill4j: no Distill4J plugins found: no jar on the class path lists one in"
                        + " META-INF/services/org.distill4j.api.Distill4jPlugin")
                .contains("looked on the class path: ", "lib/ folder beside it", "scripts/distill4j")
                .doesNotContain("\tat ");
        assertThat(output.text()).isEmpty();
    }

    @Test
    void noPluginsAtAllFailsTheSameWay() {
        CommandOutput output = CommandOutput.run(Distill4jCommand.commandLine(new CommandKernel(List::of)), "list");

        assertThat(output.exitCode()).as(output.all()).isEqualTo(1);
        assertThat(output.errors()).contains("no Distill4J plugins found");
        assertThat(output.text()).doesNotContain("## distillers");
    }

    @Test
    void theMessageShowsAShortClassPath() {
        assertThat(MissingPlugins.message("a.jar:b.jar:c.jar:d.jar:e.jar"))
                .contains("looked on the class path: a.jar:b.jar:c.jar and 2 more\n");
        assertThat(MissingPlugins.message("")).contains("looked on the class path: (empty)\n");
    }

    @Test
    void commandsThatNeedNoComponentsAndHelpDoNotStartTheKernel() {
        AtomicInteger starts = new AtomicInteger();
        Supplier<List<Distill4jPlugin>> counted = () -> {
            starts.incrementAndGet();
            return List.of();
        };

        CommandOutput version = CommandOutput.run(Distill4jCommand.commandLine(new CommandKernel(counted)),
                "--version");
        CommandOutput help = CommandOutput.run(Distill4jCommand.commandLine(new CommandKernel(counted)),
                "validate", "--help");
        CommandOutput diff = CommandOutput.run(Distill4jCommand.commandLine(new CommandKernel(counted)),
                "diff", "no-such-run", "nor-this");

        assertThat(version.exitCode()).as(version.all()).isZero();
        assertThat(help.exitCode()).as(help.all()).isZero();
        assertThat(help.text()).contains("Usage: distill4j validate");
        assertThat(diff.errors()).doesNotContain("no Distill4J plugins found");
        assertThat(starts).hasValue(0);
    }

    @Test
    void theKernelStartsOnceAndOffersTheKernelsServices() {
        AtomicInteger starts = new AtomicInteger();
        CommandKernel kernel = new CommandKernel(() -> {
            starts.incrementAndGet();
            return List.of(new KernelPlugin(), new FakeModelsPlugin());
        });

        assertThat(kernel.injector()).isSameAs(kernel.injector());
        assertThat(kernel.injector().getInstance(DescriptorParser.class)).isNotNull();
        assertThat(kernel.injector().getInstance(ExperimentRunners.class)).isNotNull();
        assertThat(starts).hasValue(1);
    }

    /** A plugin besides the kernel's, so that the kernel starts; it need provide nothing for this test. */
    private static final class FakeModelsPlugin implements Distill4jPlugin {

        @Override
        public String name() {
            return "fake-models";
        }

        @Override
        public List<org.distill4j.api.Component<?>> components() {
            return List.of();
        }
    }
}
