package org.distill4j.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableSpecFilesTest {

    @TempDir
    Path directory;

    @Test
    void specsAreTheYamlFilesDirectlyInFoldersNamedTables() throws IOException {
        Path second = write("experiments/zeta/tables/b.yml");
        Path first = write("experiments/alpha/tables/a.yaml");
        write("experiments/alpha/kd.yaml");
        write("experiments/alpha/tables/notes.md");
        write("experiments/alpha/tables/old/c.yaml");
        write("experiments/alpha/tabless/d.yaml");

        assertThat(TableSpecFiles.find(directory.resolve("experiments"))).containsExactly(first, second);
    }

    @Test
    void argumentsExpandToFilesOnceInTheOrderGiven() throws IOException {
        Path first = write("experiments/alpha/tables/a.yaml");
        Path second = write("experiments/beta/tables/b.yaml");

        assertThat(TableSpecFiles.expand(List.of(second, directory.resolve("experiments"), first)))
                .containsExactly(second, first);
    }

    @Test
    void aFolderWithoutSpecsOrAMissingArgumentIsAnError() throws IOException {
        write("experiments/alpha/kd.yaml");

        assertThatThrownBy(() -> TableSpecFiles.expand(List.of(directory.resolve("experiments"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no table specs (tables/*.yaml) under");
        assertThatThrownBy(() -> TableSpecFiles.expand(List.of(directory.resolve("nothing.yaml"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such table spec file or folder");
    }

    private Path write(String relative) throws IOException {
        Path file = directory.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "table: x\n");
    }
}
