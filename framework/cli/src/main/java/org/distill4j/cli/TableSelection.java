package org.distill4j.cli;

import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.report.ProjectRoot;
import org.distill4j.report.TableBatch;
import org.distill4j.report.TableBuilder;
import org.distill4j.report.TableSpecFiles;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The arguments {@code tables} and {@code report} share (which specs, which profile, which results) and the tables
 * they build from them: a picocli mixin, so both commands read specs and runs the same way.
 */
final class TableSelection {

    @Parameters(arity = "0..*", paramLabel = "SPEC", defaultValue = "experiments",
            description = "table spec files, or folders searched for tables/*.yaml (default: ${DEFAULT-VALUE})")
    private List<Path> specs;

    @Option(names = "--profile", description = "apply this profile of every descriptor (e.g. quick, full)")
    private String profile;

    @Option(names = "--results", defaultValue = "results", converter = ResultsFolder.class, description = "results folder (default ${DEFAULT-VALUE})")
    private Path results;

    /** The tables of every selected spec, or the problems of the invalid ones; the parser reads their descriptors. */
    Selected build(DescriptorParser parser) {
        List<Path> files = TableSpecFiles.expand(specs);
        Path projectRoot = projectRoot(files);
        return new Selected(projectRoot, TableBatch.build(new TableBuilder(parser, projectRoot), files, profile(),
                results));
    }

    Optional<String> profile() {
        return Optional.ofNullable(profile);
    }

    /**
     * The repository that holds the specs: output paths are written relative to it, so that every clone writes the
     * same files. Outside a repository, the current directory.
     */
    static Path projectRoot(List<Path> specs) {
        return specs.stream().findFirst().flatMap(ProjectRoot::find).orElseGet(() -> ProjectRoot.of(Path.of("")));
    }

    /**
     * @param projectRoot the directory output paths are relative to
     * @param batch       the tables, or the problems of invalid specs
     */
    record Selected(Path projectRoot, TableBatch batch) {
    }
}
