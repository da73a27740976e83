package org.distill4j.report;

import java.util.ArrayList;
import java.util.List;

/** The command that writes an output again, printed in it so that a reader can reproduce it. */
final class RegenerateCommand {

    static final String LAUNCHER = "scripts/distill4j";

    /** {@code scripts/distill4j tables <spec> [--profile p] --results <results> --output <directory>}. */
    static String tables(Table table, String outputPath) {
        List<String> words = new ArrayList<>(List.of(LAUNCHER, "tables", table.specPath()));
        addCommon(words, table.profile(), table.resultsPath(), outputPath);
        return ShellWords.join(words);
    }

    /** {@code scripts/distill4j report <specs> [--profile p] --results <results> --output <file>}. */
    static String report(List<Table> tables, String outputPath) {
        List<String> words = new ArrayList<>(List.of(LAUNCHER, "report"));
        tables.forEach(table -> words.add(table.specPath()));
        String profile = tables.isEmpty() ? "" : tables.get(0).profile();
        String results = tables.isEmpty() ? "results" : tables.get(0).resultsPath();
        addCommon(words, profile, results, outputPath);
        return ShellWords.join(words);
    }

    private static void addCommon(List<String> words, String profile, String results, String output) {
        if (!profile.isEmpty()) {
            words.addAll(List.of("--profile", profile));
        }
        words.addAll(List.of("--results", results, "--output", output));
    }

    private RegenerateCommand() {
    }
}
